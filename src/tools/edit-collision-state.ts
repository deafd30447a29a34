/**
 * The collisions of the layout as it is being edited (jog, IK drag, teach), for the scene (red
 * links) and the inspector (named pairs). Empty while a simulation runs: the run reports its own.
 */
import { createStore } from 'zustand/vanilla';
import type { EditCollision } from './edit-collisions';

export interface EditCollisionState {
  pairs: EditCollision[];
}

export const editCollisionStore = createStore<EditCollisionState>(() => ({ pairs: [] }));

/** Sets the pairs, keeping the old array when nothing changed (subscribers stay quiet). */
export function setEditCollisions(pairs: EditCollision[]): void {
  const old = editCollisionStore.getState().pairs;
  const same = old.length === pairs.length && old.every((p, i) => p.robot === pairs[i]!.robot && p.link === pairs[i]!.link && p.other === pairs[i]!.other);
  if (!same) editCollisionStore.setState({ pairs });
}
