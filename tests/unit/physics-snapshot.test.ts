import { describe, expect, it } from 'vitest';
import type { JointTrajectory } from '../../src/sim/joint-motion';
import { cloneCell, readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();

/** Runs `sim` to each time and returns the hashes and events seen. */
function trace(sim: Awaited<ReturnType<typeof build>>, times: number[]) {
  return times.map((t) => {
    sim.runUntil(t);
    return { hash: sim.stateHash(), events: sim.drainEvents() };
  });
}

describe('snapshot → restore → continue', () => {
  const cases = [
    { file: 'tests/fixtures/sim-pick-place.cell.json', at: 0.7, what: 'a robot carrying a part mid-move' },
    { file: 'tests/fixtures/sim-conveyor.cell.json', at: 5.3, what: 'belts, a seeded part source and a sensor' },
    { file: 'assets/cells/default.cell.json', at: 1, what: 'the bundled default cell' },
  ];
  for (const { file, at, what } of cases) {
    it(`equals the uninterrupted run: ${what}`, async () => {
      const cell = readCellFile(file);
      const times = [at + 0.5, at + 1.5, at + 3];
      const straight = await build(cell);
      const expected = trace(straight, [at, ...times]).slice(1);

      const first = await build(cell);
      first.runUntil(at);
      first.drainEvents(); // as the straight run's trace did at `at`
      const snapshot = first.snapshot();
      const second = await build(cell); // a fresh simulation, as a restarted worker would build
      second.restore(structuredClone(snapshot)); // plain data: survives postMessage
      expect(second.stateHash()).toBe(first.stateHash());
      expect(trace(second, times)).toEqual(expected);
      // Taking the snapshot did not disturb the run it was taken from.
      expect(trace(first, times)).toEqual(expected);
    });
  }

  it('equals the uninterrupted run while an arm pushes a box (contacts in progress)', async () => {
    const cell = readCellFile('tests/fixtures/sim-sweep.cell.json');
    const run = async (snapshotAt: number | null) => {
      const sim = await build(cell);
      sim.setJointTargets('robot-1', [-1.5, 0, 0, 0, 0, 0], { speed: 0.25 });
      if (snapshotAt === null) return trace(sim, [2.2, 2.6, 3.5]);
      sim.runUntil(snapshotAt);
      const snap = sim.snapshot(); // with the events so far still undrained: they travel along
      const other = await build(cell);
      other.restore(snap);
      return trace(other, [2.2, 2.6, 3.5]);
    };
    const straight = await run(null);
    expect(straight.some((s) => s.events.some((e) => e.type === 'collision' && e.b === 'box-1'))).toBe(true);
    expect(await run(1.9)).toEqual(straight); // the arm meets the box at about 1.85 s
  });

  it('rewinds the same simulation: restore, run again, same numbers', async () => {
    const sim = await build(readCellFile('tests/fixtures/sim-conveyor.cell.json'));
    sim.runUntil(3);
    const snap = sim.snapshot();
    const once = trace(sim, [6, 9]);
    sim.restore(snap);
    expect(sim.time).toBe(3);
    expect(trace(sim, [6, 9])).toEqual(once);
  });

  it('keeps a motion-layer trajectory as plain samples, so it replays exactly after restore', async () => {
    const cell = cloneCell(readCellFile('tests/fixtures/sim-pick-place.cell.json'));
    cell.programs = [];
    // A trajectory object with code in it, like the motion layer's: it cannot be cloned itself.
    const wave: JointTrajectory = {
      duration: 2,
      sample(t, out) {
        const s = Math.sin(Math.PI * t);
        const base = [-0.772654, -1.168604, 1.490254, -1.892446, -1.570796, 0];
        for (let i = 0; i < 6; i++) out[i] = base[i]! + 0.3 * s * (i % 2 === 0 ? 1 : -1);
      },
    };
    const straight = await build(cell);
    straight.followTrajectory('robot-1', wave);
    const expected = trace(straight, [0.43, 1.2, 2.5]).slice(1);

    const first = await build(cell);
    first.followTrajectory('robot-1', wave);
    first.runUntil(0.43);
    first.drainEvents();
    const snap = structuredClone(first.snapshot());
    const second = await build(cell);
    second.restore(snap);
    expect(trace(second, [1.2, 2.5])).toEqual(expected);
  });

  it('refuses a snapshot of another cell', async () => {
    const a = await build(readCellFile('tests/fixtures/sim-pick-place.cell.json'));
    const b = await build(readCellFile('tests/fixtures/sim-sweep.cell.json'));
    expect(() => b.restore(a.snapshot())).toThrow(/another cell layout/);
    expect(() => b.restore({ ...a.snapshot(), version: 99 } as never)).toThrow(/not a CellTwin simulation snapshot/);
  });
});
