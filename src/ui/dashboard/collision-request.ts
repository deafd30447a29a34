/**
 * Asks the results panel to show the collision list: the status bar's collision count is a
 * button for it. A counter in a vanilla store, as the Experiment and replication requests are:
 * the panel opens on the Results tab, and the list scrolls itself into view.
 */
import { createStore } from 'zustand/vanilla';

export const collisionListStore = createStore<{ request: number }>(() => ({ request: 0 }));

/** Opens the Results tab and brings the collision list into view. */
export function showCollisionList(): void {
  collisionListStore.setState((s) => ({ request: s.request + 1 }));
}
