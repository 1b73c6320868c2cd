// One way to edit a stored draft of a declared form (an application, a 附件4 report): every change
// is kept in this browser at once and saved a few seconds later over the version it was edited
// from; a save refused because someone saved a newer version (409 DRAFT_CONFLICT) loses nothing
// and is settled by the person, with the fields that differ in view.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { FormDeclaration } from '../../domain/form';
import type { FieldIssue } from '../../domain/errors';
import { ApiError } from './api';
import { useI18n } from './i18n';
import {
  clearLocalCopy,
  readLocalCopy,
  sameData,
  writeLocalCopy,
  type LocalCopy,
} from './local-copy';

export { withoutEmpty } from './local-copy';

export type DraftData = Record<string, unknown>;

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'saving' }
  | { kind: 'dirty' }
  | { kind: 'error'; reason: string }
  | { kind: 'conflict' };

export interface StoredDraft {
  data: DraftData;
  /** 0 while nothing is stored. */
  version: number;
  updatedAt: string | null;
}

export interface DraftConflict {
  currentVersion?: number;
  updatedAt?: string | null;
  /** The newer version's data once loaded (undefined while loading, null when it failed). */
  latest?: StoredDraft | null;
}

export const AUTOSAVE_MS = 3000;

/** What the form starts with: the server's data, or this browser's unsaved copy of the same version. */
function initialState(key: string, server: StoredDraft, canEdit: boolean) {
  const local = canEdit ? readLocalCopy<DraftData>(key) : null;
  if (!local) return { data: server.data, restored: false, offer: null };
  if (sameData(local.data, server.data)) {
    clearLocalCopy(key);
    return { data: server.data, restored: false, offer: null };
  }
  if (local.baseVersion === server.version)
    return { data: local.data, restored: true, offer: null };
  return { data: server.data, restored: false, offer: local };
}

export interface DraftEditorOptions {
  form: FormInstance;
  decl: FormDeclaration;
  /** Where this browser keeps its copy (localStorage). */
  storageKey: string;
  /** The draft as the page loaded it. */
  server: StoredDraft;
  canEdit: boolean;
  /** Stores `data` over version `base`; answers the new version. */
  saveDraft: (
    base: number,
    data: DraftData,
    opts: { keepalive?: boolean },
  ) => Promise<{ version: number; updatedAt: string | null }>;
  /** The draft as stored now (for the conflict: what differs, which version to overwrite). */
  loadLatest: () => Promise<StoredDraft>;
  /** Loads the page's data again; the editor starts over (its copy in this browser is offered). */
  reload: () => Promise<unknown>;
  /** The data as on screen, as it is stored; the form's values by default. */
  getData?: () => DraftData;
  onSaved?: (saved: { version: number; updatedAt: string | null }) => void;
  /** The server refused the data (VALIDATION_FAILED): show the issues on their fields. */
  onInvalid?: (issues: FieldIssue[]) => void;
  autosaveMs?: number;
}

export function useDraftEditor(o: DraftEditorOptions) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const key = o.storageKey;
  const [initial] = useState(() => initialState(key, o.server, o.canEdit));
  const [offer, setOffer] = useState<LocalCopy<DraftData> | null>(initial.offer);
  const opts = useRef(o);
  opts.current = o;

  const base = useRef(o.server.version);
  const lastSaved = useRef(o.server.data); // what the server has from this page
  const seq = useRef(initial.restored ? 1 : 0); // changes made
  const savedSeq = useRef(0); // changes the server has
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<boolean> | null>(null);
  const inConflict = useRef(false);
  const [status, setStatus] = useState<SaveStatus>(
    initial.restored ? { kind: 'dirty' } : { kind: 'saved', at: o.server.updatedAt },
  );
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const getData = useCallback(
    (): DraftData =>
      opts.current.getData?.() ?? (opts.current.form.getFieldsValue(true) as DraftData),
    [],
  );
  const keepLocal = useCallback(
    (data: DraftData = getData()) =>
      writeLocalCopy(key, { baseVersion: base.current, data, at: new Date().toISOString() }),
    [getData, key],
  );

  /** Someone saved a newer version: stop saving, say so, and load theirs to compare. */
  const enterConflict = useCallback((details: unknown) => {
    inConflict.current = true;
    window.clearTimeout(timer.current);
    const d = (details ?? {}) as { currentVersion?: number; updatedAt?: string | null };
    setConflict({ currentVersion: d.currentVersion, updatedAt: d.updatedAt });
    setConflictOpen(true);
    setStatus({ kind: 'conflict' });
    opts.current.loadLatest().then(
      (latest) =>
        setConflict(
          (c) => c && { ...c, latest, currentVersion: c.currentVersion ?? latest.version },
        ),
      () => setConflict((c) => c && { ...c, latest: null }),
    );
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    if (!opts.current.canEdit) return true;
    if (inflight.current) await inflight.current;
    if (inConflict.current) {
      setConflictOpen(true);
      return false;
    }
    if (seq.current === savedSeq.current) return true;
    window.clearTimeout(timer.current);
    const mySeq = seq.current;
    const data = getData();
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await opts.current.saveDraft(base.current, data, {});
        base.current = saved.version;
        savedSeq.current = mySeq;
        lastSaved.current = data;
        if (seq.current === mySeq) {
          clearLocalCopy(key);
          setStatus({ kind: 'saved', at: saved.updatedAt });
        } else {
          keepLocal();
          setStatus({ kind: 'dirty' });
          timer.current = window.setTimeout(
            () => void save(),
            opts.current.autosaveMs ?? AUTOSAVE_MS,
          );
        }
        opts.current.onSaved?.(saved);
        return true;
      } catch (e) {
        keepLocal(data);
        if (e instanceof ApiError && e.code === 'DRAFT_CONFLICT') {
          enterConflict(e.details);
          return false;
        }
        if (e instanceof ApiError && e.code === 'VALIDATION_FAILED')
          opts.current.onInvalid?.(e.fieldIssues);
        setStatus({ kind: 'error', reason: errorText(e) });
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, [enterConflict, errorText, getData, keepLocal, key]);

  /** Call on every change: kept in this browser now, saved soon. */
  const changed = useCallback(() => {
    if (!opts.current.canEdit) return;
    seq.current++;
    keepLocal();
    window.clearTimeout(timer.current);
    if (inConflict.current) return;
    setStatus({ kind: 'dirty' });
    timer.current = window.setTimeout(() => void save(), opts.current.autosaveMs ?? AUTOSAVE_MS);
  }, [keepLocal, save]);

  // A restored local copy is saved soon, like any other change.
  useEffect(() => {
    if (!initial.restored) return;
    message.info(t('editor.restoredLocal'));
    timer.current = window.setTimeout(() => void save(), opts.current.autosaveMs ?? AUTOSAVE_MS);
  }, []); // once, on mount

  // Leaving the page (route change, closed tab): send what is unsaved; the local copy stays anyway.
  useEffect(() => {
    if (!o.canEdit) return;
    const flush = () => {
      if (seq.current === savedSeq.current || inConflict.current || inflight.current) return;
      window.clearTimeout(timer.current);
      void opts.current
        .saveDraft(base.current, getData(), { keepalive: true })
        .catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
      window.clearTimeout(timer.current);
    };
  }, [o.canEdit, getData]);

  /** Puts this browser's copy (of an older version) in the form, to be saved over the current one. */
  const restoreOffer = useCallback(() => {
    if (!offer) return;
    for (const s of opts.current.decl.sections)
      opts.current.form.setFieldValue(s.key, offer.data[s.key]);
    setOffer(null);
    changed();
  }, [changed, offer]);

  const discardOffer = useCallback(() => {
    clearLocalCopy(key);
    setOffer(null);
  }, [key]);

  /** Loads the newer version; this page's input stays in this browser and is offered back. */
  const reloadNewer = useCallback(async () => {
    keepLocal();
    inConflict.current = false;
    setConflictOpen(false);
    await opts.current.reload();
  }, [keepLocal]);

  /** Saves this page's input over the newer version, on purpose. */
  const overwrite = useCallback(async () => {
    setBusy(true);
    try {
      const latest = conflict?.latest ?? (await opts.current.loadLatest());
      base.current = latest.version;
      inConflict.current = false;
      seq.current++;
      if (await save()) {
        setConflictOpen(false);
        setConflict(null);
      }
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }, [conflict, errorText, message, save]);

  return {
    initialData: initial.data,
    restored: initial.restored,
    status,
    getData,
    changed,
    save,
    /** The version the next save (or a submit) is based on. */
    baseVersion: () => base.current,
    inConflict: () => inConflict.current,
    enterConflict,
    clearLocal: () => clearLocalCopy(key),
    offer,
    restoreOffer,
    discardOffer,
    conflict,
    /** What the newer version is compared with when it could not be loaded. */
    lastSaved: () => lastSaved.current,
    conflictOpen,
    openConflict: () => setConflictOpen(true),
    closeConflict: () => setConflictOpen(false),
    reloadNewer,
    overwrite,
    busy,
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
