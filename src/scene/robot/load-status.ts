/**
 * Progress of robot loads, for the loading bar and for tests: per item, meshes loaded of total,
 * and the warnings (missing meshes) once done. Kept out of the document store on purpose: it is
 * view state that changes many times per load and never enters undo history.
 */
import { createStore } from 'zustand/vanilla';

export interface RobotLoadStatus {
  /** Display name of what is loading (the robot's name or its file). */
  label: string;
  loaded: number;
  total: number;
  done: boolean;
  warnings: string[];
  error: string | null;
}

export const robotLoadStore = createStore<Record<string, RobotLoadStatus>>(() => ({}));

/** Updates the status of item `id`'s robot load. */
export function setLoadStatus(id: string, patch: Partial<RobotLoadStatus>): void {
  robotLoadStore.setState((s) => {
    const previous: RobotLoadStatus = s[id] ?? { label: id, loaded: 0, total: 0, done: false, warnings: [], error: null };
    return { ...s, [id]: { ...previous, ...patch } };
  });
}

/** Forgets the status of items that are no longer in the cell. */
export function pruneLoadStatus(ids: ReadonlySet<string>): void {
  const s = robotLoadStore.getState();
  if (Object.keys(s).every((id) => ids.has(id))) return;
  robotLoadStore.setState(Object.fromEntries(Object.entries(s).filter(([id]) => ids.has(id))), true);
}
