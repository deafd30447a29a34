/**
 * `celltwin run` with the KPIs: the --json object's shape, the --csv file, --warmup, and
 * byte-identical output for the same file and seed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-run-kpi-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PICK_PLACE = 'tests/fixtures/sim-pick-place.cell.json';

describe('celltwin run --json', () => {
  it('prints the run facts and the full KPI object, in a fixed key order', async () => {
    const { code, out, err } = await celltwin('run', PICK_PLACE, '--until', '2', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual([
      'cell', 'seed', 'dt', 'simulatedSeconds', 'steps',
      'warmupCycles', 'partsFinished', 'steadyState', 'cellCycleTime', 'throughputUph', 'partInterval', 'bottleneck', 'stalls', 'breakdown',
      'robots', 'machines', 'operators', 'conveyors', 'sources', 'density',
      'collisionCount', 'collisions', 'faults', 'parts', 'sensors', 'picks', 'missedPicks', 'releases', 'warnings', 'stateHash',
    ]);
    expect(r).toMatchObject({ cell: 'Simulation test: vacuum pick and place', seed: 7, simulatedSeconds: 2, steps: 480, warmupCycles: 2 });
    expect(Object.keys(r.robots[0])).toEqual(['id', 'name', 'kind', 'cycleTime', 'window', 'utilization', 'busyShare', 'breakdown', 'motionSource']);
    // A bundled UR5e: no published cycle to fit to, so its accelerations are the documented default.
    expect(r.robots[0].motionSource).toBe('assumed');
    expect(Object.keys(r.robots[0].utilization)).toEqual(['moving-loaded', 'moving-empty', 'processing', 'gripper', 'io', 'waiting-starved', 'waiting-blocked', 'waiting-interlock', 'idle']);
    const sum = Object.values(r.robots[0].utilization as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 5);
    expect(Object.keys(r.density)).toEqual(['footprintM2', 'robots', 'workers', 'perTenThousandWorkers', 'm2PerRobot', 'robotsPer100M2', 'uphPerM2', 'references', 'label']);
    expect(r.density).toMatchObject({ robots: 1, workers: 1, perTenThousandWorkers: 10000 });
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it('lists a program that stopped on a step it could not do, with the step\'s place in the file', async () => {
    const cell = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/cells/default.cell.json'), 'utf8'));
    const steps = cell.programs[0].steps as Array<{ type: string }>;
    // Put a `place` first: the gripper is still empty, so the program faults at t = 0.
    const place = steps.find((st) => st.type === 'place')!;
    cell.programs[0].steps = [place, ...steps];
    const file = join(scratch, 'faulty.cell.json');
    writeFileSync(file, JSON.stringify(cell));
    const json = await celltwin('run', file, '--until', '2', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).faults).toEqual([{ time: 0, robot: 'robot-1', step: 'programs[0].steps[0]', message: 'place with an empty gripper' }]);
    const text = await celltwin('run', file, '--until', '2');
    expect(text.out).toContain('program fault: robot-1 at 0.000 s, programs[0].steps[0]: place with an empty gripper');
  });

  it('takes the warm-up from --warmup and refuses one that is not a whole number', async () => {
    const r = JSON.parse((await celltwin('run', PICK_PLACE, '--until', '1', '--warmup', '0', '--json')).out);
    expect(r.warmupCycles).toBe(0);
    const bad = await celltwin('run', PICK_PLACE, '--warmup', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: --warmup: expected a whole number of cycles ≥ 0, got "1.5"');
  });
});

describe('celltwin run --csv', () => {
  it('writes the documented columns: a cell row and a row per robot', async () => {
    const file = join(scratch, 'kpis.csv');
    const { code } = await celltwin('run', PICK_PLACE, '--until', '2', '--csv', file);
    expect(code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['kind', 'id', 'name', 'cycles']);
    expect(header).toContain('throughput_uph');
    expect(header).toContain('util_waiting_interlock');
    expect(header).toContain('robots_per_10k_workers');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['cell,cell', 'robot,robot-1']);
    for (const l of lines) expect(l.split(',')).toHaveLength(header.length);
  });

  it('reports a file it cannot write as bad input', async () => {
    const { code, err } = await celltwin('run', PICK_PLACE, '--until', '0.5', '--csv', join(scratch, 'no-such-dir', 'k.csv'));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: .*no-such-dir\/k\.csv: cannot write the CSV file \(ENOENT\)$/);
  });
});

describe('celltwin run output', () => {
  it('is byte-identical for the same file and seed: JSON, text and CSV', async () => {
    const args = ['run', 'tests/fixtures/sim-conveyor.cell.json', '--until', '4'];
    const a = await celltwin(...args, '--json', '--csv', join(scratch, 'a.csv'));
    const b = await celltwin(...args, '--json', '--csv', join(scratch, 'b.csv'));
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(readFileSync(join(scratch, 'b.csv'), 'utf8')).toBe(readFileSync(join(scratch, 'a.csv'), 'utf8'));
    expect((await celltwin(...args)).out).toBe((await celltwin(...args)).out);
  }, 60_000);

  it('adds the KPIs to the text output', async () => {
    const { out } = await celltwin('run', PICK_PLACE, '--until', '1');
    expect(out).toContain('state hash: ');
    expect(out).toContain('cell cycle time: ');
    expect(out).toContain('robot density: 10000 per 10,000 workers (1 robots, 1 workers');
    expect(out).toContain('floor: footprint 0.99 m²');
  });
});

describe('celltwin run on a program cell', () => {
  // A UR5e picks 80 mm boxes from an accumulating infeed belt (one part every 4 s) and places
  // them on an outfeed belt that is the cell's exit.
  const FILE = 'tests/fixtures/sim-program-pick-place.cell.json';

  it('paces the cell at the source interval: 4 s a part, 900 UPH, after two warm-up parts', async () => {
    const { code, out } = await celltwin('run', FILE, '--until', '30', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.cellCycleTime).toBeCloseTo(4, 5);
    expect(r.throughputUph).toBeCloseTo(900, 3);
    expect(r.throughputUph * r.cellCycleTime).toBeCloseTo(3600, 2);
    expect(r.partsFinished).toBeGreaterThanOrEqual(7);
    expect(r.steadyState.parts).toBe(r.partsFinished - 2);
    const robot = r.robots[0];
    expect(robot.cycleTime.mean).toBeCloseTo(4, 5);
    expect(robot.cycleTime.count).toBeGreaterThanOrEqual(5);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(robot.utilization)).toBeCloseTo(1, 5);
    expect(sum(robot.breakdown)).toBeCloseTo(robot.cycleTime.mean, 5);
    expect(sum(r.breakdown)).toBeCloseTo(r.cellCycleTime, 5);
    // Vacuum build-up and release of the bundled cup, 0.15 s each, once per cycle.
    expect(robot.breakdown.gripper).toBeCloseTo(0.3, 6);
    // The robot works faster than parts arrive: the rest of the 4 s it waits for the next one.
    expect(robot.breakdown.waiting).toBeGreaterThan(0.1);
    // Utilization runs to the end of the run (30 s), past the last whole loop, so its starved
    // share is close to, not exactly, the per-cycle one; the run ends with no robot stalled.
    expect(robot.window.end).toBe(30);
    expect(robot.utilization['waiting-starved']).toBeCloseTo(robot.breakdown.waiting / 4, 2);
    expect(r.stalls).toEqual([]);
    expect(r.density.uphPerM2).toBeCloseTo(r.throughputUph / r.density.footprintM2, 3);
  }, 60_000);

  it('finds the CNC machine or its robot as the bottleneck of the tending cell, with utilization summing to 1', async () => {
    const { code, out } = await celltwin('run', 'tests/fixtures/sim-program-machine-tending.cell.json', '--until', '90', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    const cnc = r.machines.find((m: { id: string }) => m.id === 'cnc-1');
    expect(Object.keys(cnc.utilization)).toEqual(['loading', 'door', 'processing', 'unloading', 'starved', 'blocked', 'idle']);
    expect(sum(cnc.utilization)).toBeCloseTo(1, 5);
    expect(cnc.utilization.processing).toBeGreaterThan(0.2);
    expect(r.cellCycleTime).toBeGreaterThan(4);
    expect(r.bottleneck.id).toMatch(/^(robot-1|cnc-1)$/);
    expect([...r.bottleneck.starved, ...r.bottleneck.blocked].length).toBeGreaterThan(0);
  }, 60_000);

  it('names the part source as the bottleneck of the sorting cell, whose belt brings a package every 3.6 s on average', async () => {
    const { code, out } = await celltwin('run', 'assets/cells/templates/sorting.cell.json', '--until', '600', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const source = r.sources.find((s: { id: string }) => s.id === 'infeed/source');
    expect(Object.keys(source.utilization)).toEqual(['supplying', 'blocked', 'idle']);
    expect(source.utilization.blocked).toBe(0);
    expect(Math.abs(r.cellCycleTime / 3.6 - 1)).toBeLessThan(0.05);
    expect(r.bottleneck.id).toBe('infeed/source');
    expect(r.bottleneck.starved.map((s: { id: string }) => s.id)).toEqual(['robot-1']);
  }, 120_000);

  it('gives byte-identical JSON for the same file and seed', async () => {
    const a = await celltwin('run', FILE, '--until', '12', '--json');
    const b = await celltwin('run', FILE, '--until', '12', '--json');
    expect(b.out).toBe(a.out);
  }, 60_000);
});
