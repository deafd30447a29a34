/**
 * How this page was opened: for editing, or as a shared link (read-only until "Make a copy").
 * Lives below the scene and UI so both can read it.
 */
import { createStore } from 'zustand/vanilla';

export interface SessionState {
  /** True while showing a shared link's cell: nothing can be edited. */
  readOnly: boolean;
}

export const sessionStore = createStore<SessionState>(() => ({ readOnly: false }));
