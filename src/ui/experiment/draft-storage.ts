/**
 * The Experiment form survives a reload: it is kept in the browser's localStorage as JSON and
 * read back at start. What is read back is checked field by field; anything that is not a form
 * this version wrote (another version's, a hand-edited one, a truncated write) is ignored and
 * the panel starts empty — a stored form never stops the page from starting.
 */
import { emptyDraft, reserveFactorKeys, type ExperimentDraft, type FactorDraft } from './draft';

/** The localStorage key of the form. */
export const DRAFT_KEY = 'celltwin:experiment-draft';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function readFactor(v: unknown): FactorDraft | null {
  if (typeof v !== 'object' || v === null) return null;
  const f = v as Record<string, unknown>;
  if (!isNum(f['key']) || !isStr(f['pointer']) || !f['pointer'].startsWith('/') || !isStr(f['label']) || !isStr(f['unit'])) return null;
  if ((f['mode'] !== 'list' && f['mode'] !== 'range') || !isStr(f['list']) || !isNum(f['from']) || !isNum(f['to']) || !isNum(f['steps'])) return null;
  if (f['fixed'] !== undefined && !Array.isArray(f['fixed'])) return null;
  const out: FactorDraft = { key: f['key'], pointer: f['pointer'], label: f['label'], unit: f['unit'], mode: f['mode'], list: f['list'], from: f['from'], to: f['to'], steps: f['steps'] };
  if (Array.isArray(f['fixed'])) out.fixed = f['fixed'] as unknown[];
  return out;
}

/** The form stored as `text`, or null when it is not one (see the module comment). Never throws. */
export function parseStoredDraft(text: string | null): ExperimentDraft | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  if (!Array.isArray(d['factors']) || !Array.isArray(d['kpis']) || !d['kpis'].every(isStr)) return null;
  const factors = d['factors'].map(readFactor);
  if (factors.some((f) => f === null)) return null;
  const base = emptyDraft();
  const num = (k: 'samples' | 'replications' | 'seed' | 'duration' | 'warmupCycles') => (isNum(d[k]) ? d[k] : base[k]);
  return {
    name: isStr(d['name']) ? d['name'] : base.name,
    factors: factors as FactorDraft[],
    design: d['design'] === 'latin-hypercube' ? 'latin-hypercube' : 'full-factorial',
    samples: num('samples'),
    replications: num('replications'),
    seed: num('seed'),
    duration: num('duration'),
    warmupCycles: num('warmupCycles'),
    kpis: d['kpis'] as string[],
  };
}

/** The stored form, if any (factor keys reserved so new factors never reuse one). */
export function loadDraft(storage: Pick<Storage, 'getItem'> | undefined): ExperimentDraft | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return null; // storage refused (privacy mode): start empty
  }
  const draft = parseStoredDraft(text);
  if (draft) reserveFactorKeys(Math.max(0, ...draft.factors.map((f) => f.key)));
  return draft;
}

/** Stores the form; a full or refused storage only loses the copy, never the form on screen. */
export function saveDraft(storage: Pick<Storage, 'setItem'> | undefined, draft: ExperimentDraft): void {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Nothing to do: the form is still on screen.
  }
}
