/**
 * `celltwin plan`: the JSON it prints for the bundled UR5e (durations equal the closed form of
 * the limits it reports), the limits it picks for a non-bundled file, and one-line errors with
 * exit code 2 on bad input.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const UR5E = 'urdf/ur5e.urdf';
const ZERO = '0,0,0,0,0,0';
const TARGET = '1,-0.5,0.3,0,0,2';
const JOINTS = ['shoulder_pan_joint', 'shoulder_lift_joint', 'elbow_joint', 'wrist_1_joint', 'wrist_2_joint', 'wrist_3_joint'];

describe('celltwin plan', () => {
  it('prints the UR5e move with library limits: 2 rad on wrist 3 takes 2/π + π/7.85 s', async () => {
    const { code, out, err } = await celltwin('plan', UR5E, '--from', ZERO, '--to', TARGET, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.profile).toBe('trapezoidal');
    expect(json.duration).toBeCloseTo(2 / Math.PI + Math.PI / 7.85, 12);
    expect(json.leader).toBe('wrist_3_joint');
    expect(json.accelerationSource).toBe('urdf/library.json (ur5e)');
    expect(json.joints.map((j: { name: string }) => j.name)).toEqual(JOINTS);
    expect(json.joints[0]).toMatchObject({ name: 'shoulder_pan_joint', vmax: Math.PI, amax: 7.85, distance: 1 });
    expect(json.joints.map((j: { distance: number }) => j.distance)).toEqual([1, 0.5, 0.3, 0, 0, 2]);
    // The reported limits give the duration back: T = d/v + v/a of the leading joint.
    const lead = json.joints[5];
    expect(json.duration).toBeCloseTo(lead.distance / lead.vmax + lead.vmax / lead.amax, 12);
  });

  it('with --profile s-curve --speed 0.5 reports the scaled limits and twice the s-curve closed form', async () => {
    const { code, out } = await celltwin('plan', UR5E, '--from', ZERO, '--to', TARGET, '--profile', 's-curve', '--speed', '0.5', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.profile).toBe('s-curve');
    expect(json.speed).toBe(0.5);
    expect(json.duration).toBeCloseTo(2 * (2 / Math.PI + Math.PI / 7.85 + 0.05), 12);
    const lead = json.joints[5];
    expect(lead.vmax).toBeCloseTo(Math.PI / 2, 12);
    expect(lead.amax).toBeCloseTo(7.85 / 4, 12);
    expect(lead.jmax).toBeCloseTo(7.85 / 0.05 / 8, 9);
    expect(json.duration).toBeCloseTo(lead.distance / lead.vmax + lead.vmax / lead.amax + lead.amax / lead.jmax, 12);
  });

  it('--accel 0.5 halves the accelerations it uses', async () => {
    const json = JSON.parse((await celltwin('plan', UR5E, '--from', ZERO, '--to', '0,0,0,0,0,3', '--accel', '0.5', '--json')).out);
    expect(json.joints[5].amax).toBeCloseTo(7.85 / 2, 12);
    expect(json.duration).toBeCloseTo(3 / Math.PI + Math.PI / (7.85 / 2), 12);
  });

  it('for a file outside the library uses vmax / 0.25 s as the acceleration and says so', async () => {
    const { code, out } = await celltwin('plan', 'tests/corpus/ur_description/urdf/ur5e.urdf', '--from', ZERO, '--to', TARGET, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.accelerationSource).toBe('default: vmax / 0.25 s');
    expect(json.joints[0].amax).toBeCloseTo(Math.PI / 0.25, 12);
    expect(json.duration).toBeCloseTo(2 / Math.PI + 0.25, 12);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await celltwin('plan', UR5E, '--from', ZERO, '--to', TARGET);
    expect(code).toBe(0);
    expect(out).toMatch(/^ur5e \(urdf\/ur5e\.urdf\): MoveJ 1\.0368 s, trapezoidal, speed 100%, accel 100%, set by wrist_3_joint/);
    expect(out).toContain('wrist_3_joint');
  });

  it('a move to where it already is takes 0 s', async () => {
    const json = JSON.parse((await celltwin('plan', UR5E, '--from', TARGET, '--to', TARGET, '--json')).out);
    expect(json.duration).toBe(0);
    expect(json.leader).toBeNull();
  });
});

describe('celltwin plan on bad input', () => {
  const bad = async (...argv: string[]) => {
    const r = await celltwin('plan', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    return r.err;
  };

  it('names the joints when --from has the wrong number of values', async () => {
    expect(await bad(UR5E, '--from', '0,0,0,0,0', '--to', TARGET)).toBe(
      `error: ${UR5E}: --from expects 6 values, one per joint (${JOINTS.join(', ')}), got 5`,
    );
  });

  it('names the joint and its range when a value is outside its limits', async () => {
    expect(await bad(UR5E, '--from', ZERO, '--to', '0,0,3.5,0,0,0')).toBe(`error: ${UR5E}: --to: elbow_joint = 3.5 is outside its range -3.1416..3.1416 rad`);
  });

  it('refuses a speed or accel outside (0, 1]', async () => {
    expect(await bad(UR5E, '--from', ZERO, '--to', TARGET, '--speed', '1.5')).toBe(`error: ${UR5E}: --speed must be a number in (0, 1], got "1.5"`);
    expect(await bad(UR5E, '--from', ZERO, '--to', TARGET, '--speed', '0')).toMatch(/--speed must be a number in \(0, 1\]/);
    expect(await bad(UR5E, '--from', ZERO, '--to', TARGET, '--accel', 'fast')).toMatch(/--accel must be a number in \(0, 1\], got "fast"/);
  });

  it('refuses an unknown profile, a non-number and a missing --to', async () => {
    expect(await bad(UR5E, '--from', ZERO, '--to', TARGET, '--profile', 'cubic')).toMatch(/--profile must be trapezoidal or s-curve, got "cubic"/);
    expect(await bad(UR5E, '--from', '0,0,x,0,0,0', '--to', TARGET)).toMatch(/^error: urdf\/ur5e\.urdf: --from: "x" is not a number/);
    expect(await bad(UR5E, '--from', ZERO)).toMatch(/--to is required: 6 values \(shoulder_pan_joint,/);
  });

  it('reports a missing file and a missing file argument', async () => {
    expect(await bad('urdf/nope.urdf', '--from', ZERO, '--to', TARGET)).toBe('error: urdf/nope.urdf: cannot read the file (ENOENT)');
    expect(await bad('--from', ZERO, '--to', TARGET)).toMatch(/^error: plan: expected a cell or robot file/);
  });
});
