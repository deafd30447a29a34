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

  it('draws each robot as a base symbol with its name, facing its +X, and a dashed reach circle with the figure', () => {
    const robot = cell.items.find((i) => i.type === 'robot');
    if (robot?.type !== 'robot') throw new Error('the default cell has a robot');
    const group = document.querySelector(`g[data-item-id="${robot.id}"]`);
    expect(group?.querySelector('circle.plan-robot-base')).not.toBeNull();
    expect(group?.querySelector('path.plan-robot-front')).not.toBeNull();
    expect([...(group?.querySelectorAll('text') ?? [])].map((t) => t.textContent)).toContain(robot.name);
    // The UR10e's 1300 mm reach, centred on its base (y flipped: SVG y points down).
    const reach = document.querySelector(`circle.plan-reach[data-reach-of="${robot.id}"]`);
    expect(reach?.getAttribute('r')).toBe('1300');
    expect(reach?.getAttribute('cx')).toBe(String(Math.round(robot.pose.xyz[0] * 1000)));
    expect(reach?.getAttribute('cy')).toBe(String(-Math.round(robot.pose.xyz[1] * 1000)));
    expect([...document.querySelectorAll('text.plan-reach-label')].map((t) => t.textContent)).toEqual(['reach 1300 mm']);
  });

  it('gives an imported robot the reach sampled at import, and none when it has none', () => {
    const imported = { id: 'robot-9', name: 'Jaco', type: 'robot' as const, pose: { xyz: [2, 1, 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] }, tool: null };
    const withReach = { ...cell, items: [{ ...imported, source: { type: 'embedded' as const, fileName: 'j.urdf', urdf: '<robot/>', reach: 0.91 } }] };
    expect(cellPlanSvg(withReach)).toContain('<circle class="plan-reach" data-reach-of="robot-9" cx="2000" cy="-1000" r="910"');
    const without = { ...cell, items: [{ ...imported, source: { type: 'embedded' as const, fileName: 'j.urdf', urdf: '<robot/>' } }] };
    expect(cellPlanSvg(without)).not.toContain('plan-reach');
    expect(cellPlanSvg(without)).toContain('plan-robot-base');
  });

  it('escapes names so a cell name cannot break the document', () => {
    const odd = { ...cell, name: 'A <b> & "c"' };
    expect(cellPlanSvg(odd)).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });
});
