/** View-only switches (not part of the document, not in undo history). */
import { createStore } from 'zustand/vanilla';

export interface ViewOptions {
  /** Show robots' collision geometry instead of their visual meshes. */
  showCollision: boolean;
}

export const viewOptionsStore = createStore<ViewOptions>(() => ({ showCollision: false }));
