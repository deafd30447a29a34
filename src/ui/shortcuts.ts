/**
 * Keyboard shortcuts, as desktop layout tools have them. Ignored while typing in a field so that
 * Delete and Ctrl+Z keep their text meaning there.
 */
import { useEffect } from 'react';
import { gizmoStore } from '../tools/gizmo-state';
import { refuseIfReadOnly, sessionStore } from './session';
import { ACTIONS, GESTURES } from './actions/actions';
import { actionForKey, displayKeys, runAction } from './actions/registry';

/** Shortcut table, shown by `?` and in the README: read from the action registry. */
export const SHORTCUTS: ReadonlyArray<[keys: string, what: string]> = [
  ...ACTIONS.filter((a) => a.keys && a.keys.length > 0).map((a): [string, string] => [a.keys!.map(displayKeys).join(' / '), a.help]),
  ...GESTURES.map((g): [string, string] => [g.keys, g.help]),
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Installs the shortcuts on window for the lifetime of the calling component. */
export function useShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      if (e.key === 'Shift') gizmoStore.setState({ free: true });
      const action = actionForKey(ACTIONS, e);
      if (!action) return;
      e.preventDefault();
      runAction(action, { toggleHelp }, sessionStore.getState().readOnly, refuseIfReadOnly);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === 'Shift') gizmoStore.setState({ free: false });
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [toggleHelp]);
}
