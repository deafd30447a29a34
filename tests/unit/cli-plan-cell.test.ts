/**
 * `celltwin plan CELL.cell.json --robot ID`: each step of a robot's program timed without
 * running the cell, and the loop's sum — which must equal the steady-state cycle `celltwin run`
 * simulates for a robot that never waits (the fixture's parts queue at the stop, so after the
 * first loop the robot never waits), to 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';
import { readCellFile, useSimulations } from './support/sim-fixtures';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const NO_WAIT = 'tests/fixtures/plan-no-wait.cell.json';
const build = useSimulations();

describe('celltwin plan CELL --robot ID', () => {
  it('times every step of the program, moves loaded between pick and place, and sums the loop', async () => {
    const { code, out, err } = await celltwin('plan', NO_WAIT, '--robot', 'robot-1', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.steps.map((s: { type: string }) => s.type)).toEqual(['moveJ', 'waitSensor', 'moveL', 'pick', 'moveL', 'moveJ', 'moveL', 'place', 'moveL']);
    expect(json.steps.map((s: { loaded: boolean }) => s.loaded)).toEqual([false, false, false, false, true, true, true, true, false]);
    // The vacuum cup's library actuation time for pick and place; the sensor wait counts 0 s.
    expect(json.steps[3].seconds).toBe(0.15);
    expect(json.steps[7].seconds).toBe(0.15);
    expect(json.steps[1]).toMatchObject({ seconds: 0, mayWait: true });
    const sum = json.steps.reduce((a: number, s: { seconds: number }) => a + s.seconds, 0);
    expect(json.cycle).toBeCloseTo(sum, 12);
    // The cup weighs 0.35 kg (library), the part 0.5 kg (the cell's source).
    expect(json.load).toEqual({ empty: 0.35, loaded: 0.85 });
    expect(json.motionSource).toBe('assumed');
  });

  it('equals the simulated steady-state cycle of the robot, which never waits, to 1 ms', async () => {
    const planned = JSON.parse((await celltwin('plan', NO_WAIT, '--robot', 'robot-1', '--json')).out).cycle as number;
    const sim = await build(readCellFile(NO_WAIT));
    sim.runUntil(16);
    const log = sim.activityLog();
    const cycles = log.cycleCompletions.filter((c) => c.resource === 'robot-1').map((c) => c.time);
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    const steady = log.intervals.filter((i) => i.resource === 'robot-1' && i.start >= cycles[0]! && i.end <= cycles[cycles.length - 1]!);
    expect(steady.filter((i) => i.state.startsWith('waiting'))).toEqual([]);
    for (let k = 1; k < cycles.length; k++) expect(Math.abs(cycles[k]! - cycles[k - 1]! - planned)).toBeLessThan(1e-3);
  }, 60_000);

  it('prints a table with the cycle and where the motion data come from', async () => {
    const { code, out } = await celltwin('plan', NO_WAIT, '--robot', 'robot-1');
    expect(code).toBe(0);
    expect(out).toMatch(/programs\[0\]\.steps\[5\]\s+moveJ drop\s+\d\.\d{4} s\s+loaded/);
    expect(out).toMatch(/cycle \(no waiting\)\s+\d\.\d{4} s/);
    expect(out).toMatch(/motion data: assumed/);
  });

  it('names the file and the robots when --robot is missing or wrong (exit 2)', async () => {
    const missing = await celltwin('plan', NO_WAIT);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error: tests\/fixtures\/plan-no-wait\.cell\.json: --robot is required: one of robot-1$/);
    const wrong = await celltwin('plan', NO_WAIT, '--robot', 'robot-9');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/no robot "robot-9" in the cell \(robots: robot-1\)/);
  });
});
