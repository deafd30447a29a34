/**
 * Variants of a cell for comparing in the page: a pinned baseline "A" (the results a later run,
 * "B", is read against) and named snapshots of the cell, kept in IndexedDB beside the autosave
 * and opened again from the results panel. Plain data in a vanilla store; the storage is
 * injected (autosave.ts: IndexedDB in the page, a Map in tests).
 */
import { createStore } from 'zustand/vanilla';
import { migrateCell, validateCell, type Cell } from '../model';
import type { CellKpis } from '../sim/kpi/compute';
import type { AutosaveStorage } from './autosave';

/** Results pinned to compare against: the cell as it was run and its KPIs. */
export interface Baseline {
  label: string;
  cell: Cell;
  kpis: CellKpis;
  /** ms since the epoch. */
  pinnedAt: number;
}

/** A named snapshot of the cell, with the KPIs of its last run when there was one. */
export interface Variant {
  id: string;
  name: string;
  cell: Cell;
  kpis: CellKpis | null;
  savedAt: number;
}

/** State of the variants store. */
export interface VariantsState {
  baseline: Baseline | null;
  /** Saved variants, newest first. */
  variants: Variant[];
}

/** The key of the saved variants in the autosave's storage. */
export const VARIANTS_KEY = 'celltwin:variants';

/** The key of the pinned baseline: A survives a reload. */
export const BASELINE_KEY = 'celltwin:baseline';

/** The page's variants (one per page, like the document store). */
export const variantsStore = createStore<VariantsState>(() => ({ baseline: null, variants: [] }));

/** Pins `kpis` of `cell` as baseline A. */
export function pinBaseline(cell: Cell, kpis: CellKpis, label: string, now = Date.now()): void {
  variantsStore.setState({ baseline: { label, cell, kpis, pinnedAt: now } });
}

export function clearBaseline(): void {
  variantsStore.setState({ baseline: null });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The variants stored under VARIANTS_KEY. Each cell is migrated and validated like a file; an
 * entry that fails is left out (it can never keep the page from starting). Never throws.
 */
export async function readVariants(storage: AutosaveStorage): Promise<Variant[]> {
  try {
    const raw = await storage.get(VARIANTS_KEY);
    if (!Array.isArray(raw)) return [];
    const out: Variant[] = [];
    for (const v of raw) {
      if (!isObject(v) || typeof v['id'] !== 'string' || typeof v['name'] !== 'string' || typeof v['savedAt'] !== 'number' || !isObject(v['cell'])) continue;
      const read = validateCell(migrateCell(v['cell']).doc);
      if (!read.ok) continue;
      out.push({ id: v['id'], name: v['name'], cell: read.cell, kpis: isObject(v['kpis']) ? storedKpis(v['kpis']) : null, savedAt: v['savedAt'] });
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * Stored KPIs as today's CellKpis: results kept before the run's collision count existed have
 * only their list, whose length was the count then. Filled here, once, so nothing that reads
 * results needs a fallback.
 */
function storedKpis(raw: Record<string, unknown>): CellKpis {
  const kpis = raw as unknown as CellKpis;
  return typeof raw['collisionCount'] === 'number' ? kpis : { ...kpis, collisionCount: Array.isArray(raw['collisions']) ? raw['collisions'].length : 0 };
}

/** The stored baseline, checked like a variant; null when there is none or it does not read. */
export async function readBaseline(storage: AutosaveStorage): Promise<Baseline | null> {
  try {
    const raw = await storage.get(BASELINE_KEY);
    if (!isObject(raw) || typeof raw['label'] !== 'string' || typeof raw['pinnedAt'] !== 'number' || !isObject(raw['cell']) || !isObject(raw['kpis'])) return null;
    const read = validateCell(migrateCell(raw['cell']).doc);
    return read.ok ? { label: raw['label'], cell: read.cell, kpis: storedKpis(raw['kpis']), pinnedAt: raw['pinnedAt'] } : null;
  } catch {
    return null;
  }
}

/** Loads the stored variants and baseline into the store (a baseline pinned meanwhile wins). */
export async function loadVariants(storage: AutosaveStorage): Promise<void> {
  const [variants, baseline] = await Promise.all([readVariants(storage), readBaseline(storage)]);
  variantsStore.setState((s) => ({ variants, baseline: s.baseline ?? baseline }));
}

/** Writes the baseline to `storage` whenever it is pinned or cleared; returns the unsubscribe. */
export function keepBaseline(storage: AutosaveStorage, onError: (e: unknown) => void = () => undefined): () => void {
  return variantsStore.subscribe((s, prev) => {
    if (s.baseline === prev.baseline) return;
    try {
      storage.set(BASELINE_KEY, s.baseline).catch(onError);
    } catch (e) {
      onError(e);
    }
  });
}

/** A name not yet used: `name`, else `name (2)`, `name (3)` … */
export function uniqueVariantName(name: string, taken: readonly string[]): string {
  const base = name.trim() || 'Variant';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base} (${i})`)) return `${base} (${i})`;
}

/** Saves the cell (and its KPIs) as a named variant, newest first; returns it. */
export async function saveVariant(storage: AutosaveStorage, name: string, cell: Cell, kpis: CellKpis | null, now = Date.now()): Promise<Variant> {
  const { variants } = variantsStore.getState();
  const variant: Variant = { id: `v${now.toString(36)}-${variants.length}`, name: uniqueVariantName(name, variants.map((v) => v.name)), cell, kpis, savedAt: now };
  const next = [variant, ...variants];
  await storage.set(VARIANTS_KEY, next);
  variantsStore.setState({ variants: next });
  return variant;
}

/** Deletes a saved variant. */
export async function deleteVariant(storage: AutosaveStorage, id: string): Promise<void> {
  const next = variantsStore.getState().variants.filter((v) => v.id !== id);
  await storage.set(VARIANTS_KEY, next);
  variantsStore.setState({ variants: next });
}
