/**
 * The results panel's height: dragged by its divider, stepped by the keyboard, remembered
 * between sessions. Plain functions over numbers, so the rules are tested without a DOM.
 */

/** The least useful height (header, one row of cards). */
export const MIN_PANEL = 120;
/**
 * What a fresh page starts with: the 230 px the fixed panel had, so the 3D view keeps its size
 * (the transform and IK handles are drawn in proportion to the view's height, and a taller
 * panel shrank them and slid the scene under the view toolbar). Drag the divider for more.
 */
export const DEFAULT_PANEL = 230;
/** Room the 3D view keeps while the panel is not maximised. */
export const MIN_VIEW = 80;

/** The height the panel may take in a page region `available` px tall (above: the view). */
export function maxPanel(available: number): number {
  return Math.max(MIN_PANEL, available - MIN_VIEW);
}

/** `h` clamped to what fits. */
export function clampPanel(h: number, available: number): number {
  return Math.round(Math.min(maxPanel(available), Math.max(MIN_PANEL, h)));
}

/** What a key on the divider does: a new height, "maximise", "restore", or nothing. */
export type DividerAction = { kind: 'height'; height: number } | { kind: 'maximise' } | { kind: 'restore' } | null;

/**
 * Keys on the divider (a WAI-ARIA window splitter): ↑/↓ grow and shrink by 20 px (Shift: 100),
 * Home goes to the least height, End or Enter maximise, Enter or Escape when maximised restore.
 */
export function dividerKey(key: string, shift: boolean, height: number, available: number, maximised: boolean): DividerAction {
  const step = shift ? 100 : 20;
  if (maximised) return key === 'Enter' || key === 'Escape' || key === 'ArrowDown' || key === 'Home' ? { kind: 'restore' } : null;
  switch (key) {
    case 'ArrowUp':
      return height >= maxPanel(available) ? { kind: 'maximise' } : { kind: 'height', height: clampPanel(height + step, available) };
    case 'ArrowDown':
      return { kind: 'height', height: clampPanel(height - step, available) };
    case 'Home':
      return { kind: 'height', height: MIN_PANEL };
    case 'End':
    case 'Enter':
      return { kind: 'maximise' };
    default:
      return null;
  }
}

const KEY = 'celltwin:results-height';

/** The remembered height, or the default. */
export function storedPanelHeight(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    return Number.isFinite(v) && v >= MIN_PANEL ? v : DEFAULT_PANEL;
  } catch {
    return DEFAULT_PANEL;
  }
}

export function storePanelHeight(h: number): void {
  try {
    localStorage.setItem(KEY, String(Math.round(h)));
  } catch {
    // Private mode: the height is simply not remembered.
  }
}
