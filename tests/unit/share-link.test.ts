import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from '../../src/io/share-link';
import { readCell, type Cell } from '../../src/model';

const defaultCell = (): Cell => {
  const r = readCell(readFileSync(new URL('../../assets/cells/default.cell.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('default cell invalid');
  return r.cell;
};

describe('share links', () => {
  it('carry the whole default cell in under 1,500 characters and give it back unchanged', () => {
    const cell = defaultCell();
    const fragment = encodeShareFragment(cell);
    expect(fragment.startsWith('cell=')).toBe(true);
    expect(fragment.length).toBeLessThan(1500);
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ kind: 'cell', cell });
  });

  it('say there is no cell when the fragment has none', () => {
    expect(decodeShareFragment('')).toEqual({ kind: 'none' });
    expect(decodeShareFragment('#view=top')).toEqual({ kind: 'none' });
  });

  it('refuse a truncated link with a message that says so', () => {
    const fragment = encodeShareFragment(defaultCell());
    const result = decodeShareFragment(fragment.slice(0, fragment.length - 12));
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(/truncated or was changed/);
  });

  it('refuse a link with one character changed (the checksum catches it)', () => {
    const fragment = encodeShareFragment(defaultCell());
    const i = Math.floor(fragment.length / 2);
    const tampered = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(decodeShareFragment(tampered).kind).toBe('error');
  });

  it('refuse characters that a link never has', () => {
    const result = decodeShareFragment('cell=abc$def');
    expect(result.kind === 'error' && result.message).toMatch(/characters a CellTwin link never has/);
  });
});
