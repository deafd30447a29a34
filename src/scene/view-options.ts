/** View-only switches (not part of the document, not in undo history). */
import { createStore } from 'zustand/vanilla';

/** Perspective orbit view, or the orthographic top view of a plan. */
export type ViewKind = 'perspective' | 'top';

export interface ViewOptions {
  /** Show robots' collision geometry instead of their visual meshes. */
  showCollision: boolean;
  view: ViewKind;
  /** Show the sampled reach envelope of the selected robots. */
  showReach: boolean;
}

export const viewOptionsStore = createStore<ViewOptions>(() => ({ showCollision: false, view: 'perspective', showReach: false }));
