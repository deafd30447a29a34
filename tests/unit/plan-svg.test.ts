import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cellPlanSvg } from '../../src/io/plan-svg';
import { readCell } from '../../src/model';

const cell = (() => {
  const r = readCell(readFileSync(new URL('../../assets/cells/default.cell.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('default cell invalid');
  return r.cell;
})();

describe('the SVG plan', () => {
  const svg = cellPlanSvg(cell);
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);

  it('draws one footprint per item, at its position in millimetres with y pointing up', () => {
    const groups = [...document.querySelectorAll('g')];
    expect(groups).toHaveLength(cell.items.length);
    const conveyor = groups.find((g) => g.querySelector('title')?.textContent?.includes('conveyor-1'));
    expect(conveyor?.getAttribute('transform')).toBe('translate(-1600 -900) rotate(0.000)');
    expect(conveyor?.querySelector('rect')?.getAttribute('width')).toBe('3000');
    expect(conveyor?.querySelector('rect')?.getAttribute('height')).toBe('500');
  });

  it('dimensions the floor: 8000 mm by 6000 mm', () => {
    const texts = [...document.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('8000 mm');
    expect(texts).toContain('6000 mm');
  });

  it('escapes names so a cell name cannot break the document', () => {
    const odd = { ...cell, name: 'A <b> & "c"' };
    expect(cellPlanSvg(odd)).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });
});
