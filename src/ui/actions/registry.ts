/**
 * The action registry's shape: every command of the editor declared once — its label for menus
 * and buttons, its shortcut, whether a read-only (shared) page refuses it, what "Undo" will say
 * after it, and what it does. The shortcuts, the shortcut help, the top bar and the menus read
 * these declarations instead of keeping their own copies (actions.ts holds them).
 */

/** The parts of a key event an action matches on (a KeyboardEvent has them all). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** What an action's `run` may need from the page. */
export interface ActionContext {
  /** Opens or closes the shortcut help. */
  toggleHelp(): void;
}

/** One command. */
export interface Action {
  id: string;
  /** Button or menu text. */
  label: string;
  /** What it does, for the shortcut help and tooltips. */
  help: string;
  /**
   * Shortcuts as written in the help: `Mod+Z` (Ctrl, or ⌘ on a Mac), `Mod+Shift+Z`, `Delete`,
   * `Space`, `W`, `?`. The first one is shown in tooltips.
   */
  keys?: readonly string[];
  /** The action changes the document: a read-only shared page refuses it. */
  edits?: boolean;
  /** What Undo will say after it (`Undo Delete 2 items`), when it makes one undo step. */
  undoLabel?: string;
  /** False while the action cannot run (nothing selected…); a key then falls through. */
  enabled?(): boolean;
  run(ctx: ActionContext): void;
}

/** A line of the shortcut help that is a gesture, not a command (Shift+drag, Alt+click). */
export interface GestureHint {
  keys: string;
  help: string;
}

/** `Mod+Shift+Z` → "Ctrl+Shift+Z" as the help shows it. */
export const displayKeys = (spec: string): string => spec.replace(/\bMod\b/g, 'Ctrl');

/** True when `e` is the key combination `spec` (modifiers must match exactly, except Shift for symbols). */
export function keyMatches(spec: string, e: KeyLike): boolean {
  const parts = spec.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  const mod = e.ctrlKey || e.metaKey;
  if (mods.has('Mod') !== mod || mods.has('Alt') !== e.altKey) return false;
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  // A symbol such as ? needs Shift on most layouts: Shift does not count for it.
  if (!symbol && mods.has('Shift') !== e.shiftKey) return false;
  if (key === 'Space') return e.key === ' ';
  return key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

/** The first enabled action with a shortcut matching `e`, or undefined. */
export function actionForKey(actions: readonly Action[], e: KeyLike): Action | undefined {
  return actions.find((a) => a.keys?.some((k) => keyMatches(k, e)) && (a.enabled?.() ?? true));
}

/** The tooltip of an action: its help and its first shortcut. */
export function actionTitle(a: Action): string {
  const keys = a.keys?.[0];
  return keys ? `${a.help} (${displayKeys(keys)})` : a.help;
}

/**
 * Runs an action as a button or a key does: refused (and `refuse` says why) when it edits and
 * the page is read-only. Returns false when refused.
 */
export function runAction(a: Action, ctx: ActionContext, readOnly: boolean, refuse: () => void): boolean {
  if (a.edits && readOnly) {
    refuse();
    return false;
  }
  a.run(ctx);
  return true;
}
