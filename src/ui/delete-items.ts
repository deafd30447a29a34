/**
 * Deleting items from the UI (the Delete key, the inspector's Delete buttons). A robot standing
 * on a deleted pedestal or track is not deleted with it: it goes back on the floor where it
 * stood, and a notice says so (Undo brings the mount and the robot's place on it back).
 */
import { cellStore } from '../store/app-store';
import { removeItemsAndUnmount, robotsLeftByDeleting } from '../store/mount-commands';
import { edit } from './edit';
import { notify } from './notices';

/** Deletes `ids` as one undo step; returns false when nothing was done (read-only, refused). */
export function deleteItems(ids: readonly string[]): boolean {
  const cell = cellStore.getState().cell;
  const left = robotsLeftByDeleting(cell, ids);
  if (!edit(removeItemsAndUnmount(cell, ids))) return false;
  if (left.length > 0) {
    const names = left.map((r) => r.name).join(', ');
    notify('info', `${names} ${left.length > 1 ? 'are' : 'is'} back on the floor`, [
      `${left.length > 1 ? 'Their mounts were' : 'Its mount was'} deleted; the robot${left.length > 1 ? 's stay' : ' stays'} where ${left.length > 1 ? 'they' : 'it'} stood. Undo (Ctrl+Z) puts the mount back.`,
    ]);
  }
  return true;
}
