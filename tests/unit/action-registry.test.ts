import { describe, expect, it } from 'vitest';
import { actionForKey, actionTitle, displayKeys, keyMatches, runAction, type Action, type KeyLike } from '../../src/ui/actions/registry';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the action registry', () => {
  it('matches shortcuts with their modifiers exactly: Ctrl+Z is undo, Ctrl+Shift+Z is not', () => {
    expect(keyMatches('Mod+Z', key('z', { ctrlKey: true }))).toBe(true);
    expect(keyMatches('Mod+Z', key('z', { metaKey: true }))).toBe(true); // ⌘ on a Mac
    expect(keyMatches('Mod+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(keyMatches('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(keyMatches('W', key('w'))).toBe(true);
    expect(keyMatches('W', key('w', { ctrlKey: true }))).toBe(false);
    expect(keyMatches('Space', key(' '))).toBe(true);
    expect(keyMatches('Delete', key('Delete'))).toBe(true);
    expect(keyMatches('Delete', key('d'))).toBe(false);
    expect(keyMatches('?', key('?', { shiftKey: true }))).toBe(true); // Shift makes the symbol
  });

  it('finds the first enabled action for a key; a disabled one lets the key fall through', () => {
    let selected = false;
    const log: string[] = [];
    const actions: Action[] = [
      { id: 'delete', label: 'Delete', help: 'delete the selection', keys: ['Delete', 'Backspace'], edits: true, enabled: () => selected, run: () => log.push('delete') },
      { id: 'help', label: 'Shortcuts', help: 'show these shortcuts', keys: ['?'], run: (ctx) => ctx.toggleHelp() },
    ];
    expect(actionForKey(actions, key('Backspace'))).toBeUndefined();
    selected = true;
    expect(actionForKey(actions, key('Backspace'))?.id).toBe('delete');
    expect(actionForKey(actions, key('x'))).toBeUndefined();
    expect(actionTitle(actions[0]!)).toBe('delete the selection (Delete)');
    expect(displayKeys('Mod+Shift+G')).toBe('Ctrl+Shift+G');
  });

  it('refuses an editing action on a read-only page and says why; others run', () => {
    const log: string[] = [];
    const ctx = { toggleHelp: () => log.push('help') };
    const del: Action = { id: 'delete', label: 'Delete', help: 'delete', keys: ['Delete'], edits: true, run: () => log.push('delete') };
    const help: Action = { id: 'help', label: 'Shortcuts', help: 'help', keys: ['?'], run: (c) => c.toggleHelp() };
    expect(runAction(del, ctx, true, () => log.push('refused'))).toBe(false);
    expect(runAction(help, ctx, true, () => log.push('refused'))).toBe(true);
    expect(runAction(del, ctx, false, () => log.push('refused'))).toBe(true);
    expect(log).toEqual(['refused', 'help', 'delete']);
  });
});
