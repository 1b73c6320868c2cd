export type DuplicateKind = 'award' | 'application';

/** A past award or a current application, as the detector sees it. */
export interface DuplicateDoc {
  id: string;
  kind: DuplicateKind;
  year?: number;
  enterprise: string;
  uscc?: string | null;
  name: string;
  /** Imported awards have none: they are compared by name and enterprise. */
  text?: string | null;
  /** The recommending unit an application goes through. */
  channel?: string | null;
}

export interface EvidenceSpan {
  /** UTF-16 offsets into that side's `text`, end exclusive: what a UI highlights. */
  start: number;
  end: number;
  /** The passage, shortened for a list. */
  excerpt: string;
}

/** A passage of the application's text that reappears in the other text. */
export interface Evidence {
  application: EvidenceSpan;
  match: EvidenceSpan;
  similarity: number;
}

export interface Signals {
  sameUscc: boolean;
  sameEnterpriseName: boolean;
  /** The 字号 the two enterprises share, when they are otherwise different. */
  relatedBrand: string | null;
  nameSimilarity: number;
  /** Null when either side has no text to compare. */
  textOverlap: number | null;
  /**
   * Rarity-weighted overlap of the two texts' reworded parts (sentences not copied word for
   * word); null when either side has no text or the texts share too few rare terms to look.
   */
  paraphrase?: number | null;
  /** For two applications: whether they came through different recommending units. */
  differentChannel: boolean | null;
}

export interface Finding {
  /** 'award': the application resembles a past award; 'application': another current application. */
  kind: DuplicateKind;
  application: string;
  match: string;
  /** Strength, 0–1, for sorting. */
  score: number;
  /** Why, in Chinese, for people. */
  reasons: string[];
  signals: Signals;
  evidence: Evidence[];
}
