/**
 * Session actions: sharing, the read-only guard, "Make a copy". A shared cell must not overwrite
 * the visitor's own autosaved work, so autosave starts only when the page is (or becomes) an
 * editing session.
 */
import { encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../io/share-link';
import { cellStore } from '../store/app-store';
import { startAutosave } from '../store/autosave';
import { autosaveLog, autosaveStorage } from './recovery';
import { sessionStore } from '../tools/session-state';
import { notify } from './notices';

export { sessionStore };

let stopAutosave: (() => void) | null = null;

/** Starts autosaving the document to IndexedDB (once). */
export function beginAutosave(): void {
  stopAutosave ??= startAutosave(cellStore, autosaveStorage, { log: autosaveLog });
}

/** True (and tells the user why) when the page is read-only. */
export function refuseIfReadOnly(): boolean {
  if (!sessionStore.getState().readOnly) return false;
  notify('info', 'This shared cell is read-only', ['Press “Make a copy” in the top bar to edit your own copy.']);
  return true;
}

/** Turns the shared cell into the visitor's own editable copy (autosaved, marked unsaved). */
export function makeCopy(): void {
  const { cell, loadCell } = cellStore.getState();
  loadCell({ ...cell, name: `${cell.name} (copy)` }, null, { dirty: true });
  sessionStore.setState({ readOnly: false });
  history.replaceState(null, '', location.pathname + location.search);
  beginAutosave();
  notify('info', 'This is now your copy', ['It is autosaved in this browser; use Save to keep a file.']);
}

/** Puts the current cell in a link, copies it to the clipboard and shows it. */
export async function shareCell(): Promise<string | null> {
  const url = `${location.origin}${location.pathname}#${encodeShareFragment(cellStore.getState().cell)}`;
  if (url.length > MAX_SHARE_LINK_CHARS) {
    notify('error', 'This cell is too large for a link', [
      `The link would be ${(url.length / 1e6).toFixed(1)} million characters (imported robot meshes are inside it). Save the .cell.json file and send that instead.`,
    ]);
    return null;
  }
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false; // clipboard permission refused: the link is still shown
  }
  notify('info', copied ? 'Share link copied to the clipboard' : 'Share link (copy it from here)', [`${url.length.toLocaleString('en')} characters`, url]);
  return url;
}
