import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyCell, formatProblem, readCell, validateCell, type Cell } from '../../src/model';
import { main } from '../../src/cli/main';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const messages = (text: string) => {
  const r = readCell(text);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('the cell document', () => {
  it('accepts the embedded default cell with its robot, tool and equipment', () => {
    const result = readCell(read('assets/cells/default.cell.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cell.items.map((i) => i.type).sort()).toEqual(['conveyor', 'pallet', 'robot', 'table', 'table']);
    expect(result.migrations).toEqual([]);
  });

  it('migrates the v0 prototype file: millimetres to metres, yaw degrees to radians', () => {
    const result = readCell(read('tests/fixtures/v0-prototype.cell.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrations).toEqual([expect.stringMatching(/^v0-to-v1/)]);
    const [conveyor, table, robot] = result.cell.items;
    expect(conveyor?.type === 'conveyor' && conveyor.speed).toBeCloseTo(0.25, 12);
    expect(conveyor?.pose.xyz).toEqual([-1.5, 0.5, 0]);
    expect(conveyor?.pose.rpy[2]).toBeCloseTo(Math.PI / 2, 12);
    expect(table?.type === 'table' && table.size).toEqual([1, 0.6, 0.8]);
    expect(robot?.type === 'robot' && robot.source).toEqual({ type: 'bundled', id: 'ur5e' });
    expect(result.cell.floor).toEqual({ width: 6, depth: 4 });
    expect(result.cell.workersPerShift).toBe(2);
  });

  it('names the path of a pose that does not have three numbers', () => {
    const cell = emptyCell();
    const bad = { ...cell, items: [{ id: 't', name: 'T', type: 'table', pose: { xyz: [1, 2], rpy: [0, 0, 0] }, size: [1, 1, 1] }] };
    expect(messages(JSON.stringify(bad))).toEqual(['items[0].pose.xyz: expected 3 numbers']);
  });

  it('reports every problem at once, not just the first', () => {
    const cell = emptyCell();
    const items = [
      { id: 'a', name: 'A', type: 'table', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, size: [1, -1, 1] },
      { id: 'b', name: 'B', type: 'conveyor', pose: { xyz: [0, 0, 'x'], rpy: [0, 0, 0] }, length: 0, width: 0.5, height: 0.8, speed: 0.2 },
      { id: 'c', name: 'C', type: 'spaceship', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] } },
    ];
    const found = messages(JSON.stringify({ ...cell, items }));
    expect(found).toContain('items[0].size: expected 3 positive numbers');
    expect(found).toContain('items[1].pose.xyz: expected 3 numbers');
    expect(found).toContain('items[1].length: expected a positive number');
    expect(found.some((m) => m.startsWith('items[2].type'))).toBe(true);
    expect(found).toHaveLength(4);
  });

  it('rejects fields it does not know, naming them', () => {
    const cell = { ...emptyCell(), colour: 'red' };
    expect(messages(JSON.stringify(cell))).toEqual(['colour: unknown field "colour"']);
  });

  it('refuses a file from a newer CellTwin and says so', () => {
    const cell = { ...emptyCell(), schemaVersion: 7 };
    expect(messages(JSON.stringify(cell))[0]).toMatch(/schemaVersion: 7 is newer than this CellTwin understands/);
  });

  it('refuses two items with the same id', () => {
    const table = { id: 't', name: 'T', type: 'table', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, size: [1, 1, 1] } as const;
    const cell = { ...emptyCell(), items: [table, table] } as unknown as Cell;
    const result = validateCell(cell);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['items[1].id: duplicate id "t" (also items[0])']);
  });

  it('refuses a robot or tool the bundled library does not have', () => {
    const robot = { id: 'r', name: 'R', type: 'robot', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, source: { type: 'bundled', id: 'ur99' }, tool: { type: 'bundled', id: 'ur5e' } };
    const found = messages(JSON.stringify({ ...emptyCell(), items: [robot] }));
    expect(found[0]).toMatch(/^items\[0\]\.source\.id: no bundled robot "ur99" \(known: ur5e, ur10e/);
    expect(found[1]).toMatch(/^items\[0\]\.tool\.id: no bundled tool "ur5e"/);
  });

  it('gives the line of a JSON syntax error', () => {
    const result = readCell('{\n  "name": "x",\n  "items": [,]\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.line).toBe(3);
  });
});

describe('celltwin validate', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
    return { code, out, err };
  };

  it('exits 0 on the default cell', async () => {
    const { code, out } = await run(['validate', 'assets/cells/default.cell.json']);
    expect(code).toBe(0);
    expect(out[0]).toBe('assets/cells/default.cell.json: ok (5 items)');
  });

  it('exits 2 and prints one error line per problem', async () => {
    const { code, err } = await run(['validate', 'tests/fixtures/bad-pose.cell.json']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'error: tests/fixtures/bad-pose.cell.json: items[2].speed: expected number',
      'error: tests/fixtures/bad-pose.cell.json: items[3].pose.xyz: expected 3 numbers',
    ]);
  });

  it('exits 2 for a file that does not exist, without a stack trace', async () => {
    const { code, err } = await run(['validate', 'no/such.cell.json']);
    expect(code).toBe(2);
    expect(err).toEqual(['error: no/such.cell.json: cannot read the file (ENOENT)']);
  });

  it('lists its commands on --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/validate/);
    expect(out[0]).toMatch(/inspect/);
  });
});
