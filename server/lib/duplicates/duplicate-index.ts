// The index: past awards and current applications, kept current as applications change. A
// query looks only at documents of the same or a related enterprise and at texts that share an
// LSH band with it, never at everything.
import { comparePair } from './compare';
import { LshTable } from './lsh';
import { prepareDoc, type PreparedDoc } from './prepare';
import { TermFrequencies } from './rarity';
import {
  duplicateSettingsSchema,
  type DuplicateSettings,
  type DuplicateSettingsInput,
} from './settings';
import type { DuplicateDoc, Finding } from './types';

export interface DuplicateIndex {
  readonly settings: DuplicateSettings;
  readonly size: number;
  has(id: string): boolean;
  /** Adds a document, or replaces the one with its id. */
  add(doc: DuplicateDoc): void;
  update(doc: DuplicateDoc): void;
  remove(id: string): boolean;
  /** Findings for `doc` against every other indexed document (itself excluded), strongest first. */
  query(doc: DuplicateDoc, options?: QueryOptions): Finding[];
}

export interface QueryOptions {
  /** Only these counterparts are compared. */
  filter?: (other: DuplicateDoc) => boolean;
}

export function createIndex(settings: DuplicateSettingsInput = {}): DuplicateIndex {
  return new Index(duplicateSettingsSchema.parse(settings));
}

class Index implements DuplicateIndex {
  private slots: (PreparedDoc | undefined)[] = [];
  private free: number[] = [];
  private byId = new Map<string, number>();
  private byKey = new Map<string, number[]>();
  private lsh: LshTable;
  /** How rare each term is among the indexed texts: the weights of the paraphrase measure. */
  private terms = new TermFrequencies();

  constructor(readonly settings: DuplicateSettings) {
    this.lsh = new LshTable(settings.lsh.bands, settings.lsh.rows);
  }

  get size() {
    return this.byId.size;
  }

  has(id: string) {
    return this.byId.has(id);
  }

  add(doc: DuplicateDoc) {
    this.remove(doc.id);
    const p = prepareDoc(doc, this.settings);
    const slot = this.free.pop() ?? this.slots.length;
    this.slots[slot] = p;
    this.byId.set(doc.id, slot);
    for (const key of keysOf(p)) push(this.byKey, key, slot);
    if (p.signature) {
      this.lsh.add(slot, p.signature);
      this.terms.add(doc.text!);
    }
  }

  update(doc: DuplicateDoc) {
    this.add(doc);
  }

  remove(id: string) {
    const slot = this.byId.get(id);
    if (slot === undefined) return false;
    const p = this.slots[slot]!;
    for (const key of keysOf(p)) pull(this.byKey, key, slot);
    if (p.signature) {
      this.lsh.remove(slot, p.signature);
      this.terms.remove(p.doc.text!);
    }
    this.byId.delete(id);
    this.slots[slot] = undefined;
    this.free.push(slot);
    return true;
  }

  query(doc: DuplicateDoc, options: QueryOptions = {}): Finding[] {
    const p = prepareDoc(doc, this.settings);
    const candidates = new Set<number>();
    for (const key of keysOf(p)) for (const slot of this.byKey.get(key) ?? []) candidates.add(slot);
    if (p.signature) this.lsh.collect(p.signature, candidates);
    const findings: Finding[] = [];
    for (const slot of candidates) {
      const other = this.slots[slot]!;
      if (other.doc.id === doc.id) continue;
      if (doc.kind === 'award' && other.doc.kind === 'award') continue;
      if (options.filter && !options.filter(other.doc)) continue;
      const finding = comparePair(p, other, this.settings, this.terms.weight);
      if (finding) findings.push(finding);
    }
    return findings.sort((a, b) => b.score - a.score);
  }
}

// Enterprise keys a document is found under: its code, its normalised name, its 字号.
function keysOf(p: PreparedDoc): string[] {
  const keys: string[] = [];
  if (p.uscc) keys.push(`u:${p.uscc}`);
  if (p.enterprise.core) keys.push(`n:${p.enterprise.key}`);
  if (p.brand) keys.push(`b:${p.brand}`);
  return keys;
}

function push(map: Map<string, number[]>, key: string, slot: number) {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

function pull(map: Map<string, number[]>, key: string, slot: number) {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(slot);
  if (i >= 0) {
    list[i] = list[list.length - 1]!;
    list.pop();
  }
  if (!list.length) map.delete(key);
}

/**
 * The finding for one pair, or null: to show a stored finding's evidence again, say. How rare a
 * term is comes from `corpus` (the texts an index would hold); with none, nothing is rare and the
 * pair can be a finding only by its name or its shared 3-grams.
 */
export function compareDocs(
  a: DuplicateDoc,
  b: DuplicateDoc,
  settings: DuplicateSettingsInput = {},
  corpus: Iterable<DuplicateDoc> = [],
): Finding | null {
  const s = duplicateSettingsSchema.parse(settings);
  const terms = new TermFrequencies();
  const seen = new Set<string>();
  for (const doc of [a, b, ...corpus]) {
    if (seen.has(doc.id) || !doc.text) continue;
    seen.add(doc.id);
    terms.add(doc.text);
  }
  return comparePair(prepareDoc(a, s), prepareDoc(b, s), s, terms.weight);
}

/**
 * Every finding among `docs`: each application against the awards and against the other
 * applications, each pair once, strongest first.
 */
export function findAllPairs(
  docs: Iterable<DuplicateDoc>,
  settings: DuplicateSettingsInput = {},
): Finding[] {
  const index = createIndex(settings);
  const applications: DuplicateDoc[] = [];
  for (const doc of docs) {
    index.add(doc);
    if (doc.kind === 'application') applications.push(doc);
  }
  const findings: Finding[] = [];
  for (const app of applications) {
    const later = (other: DuplicateDoc) => other.kind === 'award' || other.id > app.id;
    findings.push(...index.query(app, { filter: later }));
  }
  return findings.sort((a, b) => b.score - a.score);
}
