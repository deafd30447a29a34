/**
 * Getting out of trouble: the start-up choice among the autosave generations, "Undo last change"
 * and "Reload the last good cell" for the error boundaries, and what happens when the cell a
 * start opened breaks the page (it is set aside and the previous good one opens). Whatever is
 * set aside is announced, with a download, never dropped in silence.
 */
import type { Cell } from '../model';
import { cellStore } from '../store/app-store';
import { idbStorage } from '../store/autosave';
import { createGenerationLog, generationKey, type SetAsideEntry } from '../store/autosave-generations';
import { chooseStartupCell } from '../store/autosave';
import { defaultCell } from './file-actions';
import { notify } from './notices';

/** The page's autosave storage and generations (IndexedDB opens on first use). */
export const autosaveStorage = idbStorage();
export const autosaveLog = createGenerationLog(autosaveStorage);

const REVOKE_AFTER_MS = 40_000;

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Text of a stored value for download: the cell when it has one, else the whole value. */
export function setAsideText(raw: unknown): string {
  const cell = typeof raw === 'object' && raw !== null && 'cell' in raw ? (raw as { cell: unknown }).cell : raw;
  try {
    return JSON.stringify(cell ?? null, null, 2) ?? String(cell);
  } catch {
    return String(cell);
  }
}

/** Downloads a set-aside record as it is stored. */
export async function downloadSetAside(entry: SetAsideEntry): Promise<void> {
  try {
    download(setAsideText(await autosaveLog.readRaw(entry.key)), `celltwin-set-aside-${entry.id}.cell.json`);
  } catch (e) {
    notify('error', 'Could not read the set-aside cell from the browser storage', [e instanceof Error ? e.message : String(e)]);
  }
}

const when = (ms: number | null): string => (ms === null || ms <= 0 ? 'at an unknown time' : `at ${new Date(ms).toLocaleString()}`);

/** One notice per set-aside record: what happened, and its download. */
export function announceSetAside(entries: readonly SetAsideEntry[], opened: string): void {
  for (const entry of entries) {
    notify('warning', 'An autosaved cell was set aside', [`autosave ${entry.id}, saved ${when(entry.savedAt)}: ${entry.reason}`], {
      summary: `It was kept, not deleted: ${entry.reason}. ${opened}`,
      actions: [{ label: 'Download the set-aside cell', run: () => void downloadSetAside(entry) }],
    });
  }
}

/** What start-up opens. */
export interface StartupCell {
  cell: Cell;
  fileName: string | null;
  dirty: boolean;
  source: 'autosave' | 'default';
}

/** Chooses the start-up cell from the generations; set-aside records are announced. */
export async function openStartupCell(): Promise<StartupCell> {
  const opened = await autosaveLog.open();
  const choice = chooseStartupCell({ autosave: opened.record, defaultCell: defaultCell() });
  announceSetAside(opened.setAside, choice.source === 'autosave' ? `The previous good cell "${choice.cell.name}" is open.` : 'The default cell is open.');
  return choice;
}

/** "Undo last change": the boundary's first way out. False when there is nothing to undo. */
export function undoLastChange(): boolean {
  const { canUndo, undo } = cellStore.getState();
  if (!canUndo) return false;
  undo();
  return true;
}

/** "Reload the last good cell": the newest autosave that rendered and is not the cell on screen, else the default cell. */
export async function reloadLastGoodCell(): Promise<void> {
  const good = await autosaveLog.lastGood(cellStore.getState().cell);
  if (good) {
    cellStore.getState().loadCell(good.record.cell, good.record.fileName, { dirty: good.record.dirty });
    notify('info', `Reloaded "${good.record.cell.name}", the last cell that displayed correctly`);
  } else {
    cellStore.getState().loadCell(defaultCell(), null);
    notify('info', 'No autosaved cell displayed correctly: the default cell is open');
  }
}

/**
 * A part of the page failed. When the cell on screen is the start-up cell still on probation,
 * it is set aside and the last good cell opens (returns true: the boundary can simply retry).
 */
export async function reportRenderFailure(area: string, error: unknown): Promise<boolean> {
  const message = error instanceof Error ? error.message : String(error);
  const aside = await autosaveLog.failedToRender(`the ${area} failed on it (${message})`);
  if (!aside) return false;
  await reloadLastGoodCell();
  announceSetAside([aside], 'The previous good cell is open instead.');
  return true;
}

/** The generations and the set-aside records, with each record's cell name (for browser tests). */
export async function describeAutosave(): Promise<{ generations: Array<{ id: number; good: boolean; name: string | null }>; setAside: SetAsideEntry[] }> {
  const index = await autosaveLog.index();
  const nameOf = async (key: string): Promise<string | null> => {
    const raw = (await autosaveLog.readRaw(key).catch(() => null)) as { cell?: { name?: unknown } } | null;
    return typeof raw?.cell?.name === 'string' ? raw.cell.name : null;
  };
  const generations = await Promise.all(index.generations.map(async (g) => ({ id: g.id, good: g.good, name: await nameOf(generationKey(g.id)) })));
  return { generations, setAside: index.setAside };
}
