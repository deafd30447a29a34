import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './corpus-helpers';

/** Runs the CLI in-process from the repository root, capturing what it prints. */
async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const UR5E = 'tests/corpus/ur_description/urdf/ur5e.urdf';
const UR10E = 'tests/corpus/ur_description/urdf/ur10e.urdf';
const PANDA = 'tests/corpus/franka_description/robots/panda/panda.urdf';
const JOINTS = 'shoulder_pan_joint, shoulder_lift_joint, elbow_joint, wrist_1_joint, wrist_2_joint, wrist_3_joint';
const deg = Math.PI / 180;

describe('celltwin fk', () => {
  // DATASHEETS.md section 3, "Reference tool positions" (UR's DH page), base → tool0.
  const references = [
    { file: UR5E, q: [0, 0, 0, 0, 0, 0], p: [-0.8172, -0.2329, 0.0628] },
    { file: UR5E, q: [0, -90 * deg, 0, -90 * deg, 0, 0], p: [0, -0.2329, 1.0794] },
    { file: UR10E, q: [0, 0, 0, 0, 0, 0], p: [-1.18425, -0.2907, 0.06085] },
    { file: UR10E, q: [0, -90 * deg, 0, -90 * deg, 0, 0], p: [0, -0.2907, 1.4848] },
  ];
  for (const r of references) {
    it(`puts tool0 of the corpus ${r.file.split('/').pop()} at (${r.p.join(', ')}) m in base for q = (${r.q.map((v) => Math.round(v / deg)).join(', ')})°`, async () => {
      const { code, out, err } = await celltwin('fk', r.file, '--q', r.q.join(','), '--base', 'base', '--link', 'tool0', '--json');
      expect(err).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(out);
      expect(Object.keys(json)).toEqual(['position', 'quaternion', 'matrix']);
      json.position.forEach((v: number, i: number) => expect(Math.abs(v - r.p[i]!)).toBeLessThan(1e-4));
      expect(json.matrix).toHaveLength(16);
      // Row-major: the translation is the last column, the bottom row is 0 0 0 1.
      expect([json.matrix[3], json.matrix[7], json.matrix[11]]).toEqual(json.position);
      expect(json.matrix.slice(12)).toEqual([0, 0, 0, 1]);
      expect(Math.hypot(...json.quaternion)).toBeCloseTo(1, 12);
    });
  }

  it("uses the root link as base by default and reproduces Franka's ready pose flange position (0.30689, 0, 0.59028)", async () => {
    const q = [0, -Math.PI / 4, 0, (-3 * Math.PI) / 4, 0, Math.PI / 2, Math.PI / 4, 0];
    const { code, out } = await celltwin('fk', PANDA, '--q', q.join(','), '--link', 'panda_link8', '--json');
    expect(code).toBe(0);
    JSON.parse(out).position.forEach((v: number, i: number) => expect(Math.abs(v - [0.30689, 0, 0.59028][i]!)).toBeLessThan(1e-5));
  });

  it('takes joint values that start with a minus sign (--q -1.57,…)', async () => {
    const { code, out, err } = await celltwin('fk', UR5E, '--q', '-1.5707963267948966,0,0,0,0,0', '--base', 'base', '--link', 'tool0', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    JSON.parse(out).position.forEach((v: number, i: number) => expect(v).toBeCloseTo([-0.2329, 0.8172, 0.0628][i]!, 4));
  });

  it('prints the pose as text without --json', async () => {
    const { code, out } = await celltwin('fk', 'urdf/ur5e.urdf', '--q', '0,0,0,0,0,0', '--link', 'tool0');
    expect(code).toBe(0);
    expect(out).toContain('tool0 in base_link (urdf/ur5e.urdf)');
    expect(out).toMatch(/position\s+0\.817200\s+0\.232900\s+0\.062800\s+m/);
  });
});

describe('celltwin ik', () => {
  it('round-trips with fk: the pose fk prints, ik solves, and fk of the answer lands on it', async () => {
    const q = '0.4,-1.3,1.6,-0.9,1.2,-0.3';
    const pose = JSON.parse((await celltwin('fk', UR5E, '--q', q, '--base', 'base', '--link', 'tool0', '--json')).out);
    const target = [...pose.position, ...pose.quaternion].join(',');
    const { code, out, err } = await celltwin('ik', UR5E, '--tip', 'tool0', '--base', 'base', '--target', target, '--seed', '0,-1,1,0,1,0', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['q', 'positionError', 'orientationError', 'iterations', 'converged']);
    expect(result.converged).toBe(true);
    expect(result.positionError).toBeLessThan(1e-6);
    expect(result.orientationError).toBeLessThan(1e-5);
    const back = JSON.parse((await celltwin('fk', UR5E, '--q', result.q.join(','), '--base', 'base', '--link', 'tool0', '--json')).out);
    back.position.forEach((v: number, i: number) => expect(v).toBeCloseTo(pose.position[i], 9));
    back.matrix.forEach((v: number, i: number) => expect(v).toBeCloseTo(pose.matrix[i], 9));
  });

  it('solves a position-only target (three numbers) on the 7-axis Panda from its ready pose', async () => {
    const seed = [0, -Math.PI / 4, 0, (-3 * Math.PI) / 4, 0, Math.PI / 2, Math.PI / 4, 0].join(',');
    const { code, out } = await celltwin('ik', PANDA, '--tip', 'panda_link8', '--target', '0.4,0.2,0.5', '--seed', seed, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.converged).toBe(true);
    expect(result.orientationError).toBe(0);
    const back = JSON.parse((await celltwin('fk', PANDA, '--q', result.q.join(','), '--link', 'panda_link8', '--json')).out);
    back.position.forEach((v: number, i: number) => expect(v).toBeCloseTo([0.4, 0.2, 0.5][i]!, 7));
  });

  it('answers an unreachable target with converged: false, finite numbers and the distance left (exit 0)', async () => {
    const { code, out } = await celltwin('ik', UR5E, '--tip', 'tool0', '--base', 'base', '--target', '3,0,0.2,0,1,0,0', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.converged).toBe(false);
    expect(result.q.every(Number.isFinite)).toBe(true);
    expect(result.positionError).toBeGreaterThan(1.9);
    expect(Number.isFinite(result.orientationError)).toBe(true);
  });

  it('prints the joints by name as text without --json', async () => {
    const { code, out } = await celltwin('ik', 'urdf/ur5e.urdf', '--tip', 'tool0', '--target', '0.4,0.2,0.3,1,0,0,0');
    expect(code).toBe(0);
    expect(out).toMatch(/^tool0 in base_link \(urdf\/ur5e\.urdf\): converged \(closed form, branch \d\)/);
    expect(out).toContain('  elbow_joint  ');
  });
});

describe('celltwin fk and ik refuse bad input with one line and exit code 2', () => {
  const cases: { what: string; argv: string[]; message: string }[] = [
    {
      what: 'a wrong number of --q values, naming how many are expected and the joints',
      argv: ['fk', UR5E, '--q', '0,0,0', '--link', 'tool0'],
      message: `error: ${UR5E}: --q has 3 values, expected 6, one per joint (${JOINTS})`,
    },
    {
      what: 'a missing --q',
      argv: ['fk', UR5E, '--link', 'tool0'],
      message: `error: ${UR5E}: --q is required: 6 values, one per joint (${JOINTS})`,
    },
    {
      what: 'a --q value outside its joint range, naming the joint and the range',
      argv: ['fk', UR5E, '--q', '0,0,4,0,0,0', '--link', 'tool0'],
      message: `error: ${UR5E}: --q: joint "elbow_joint" = 4 is outside its range [-3.141593, 3.141593] rad`,
    },
    {
      what: 'a --q value that is not a number',
      argv: ['fk', UR5E, '--q', '0,0,x,0,0,0', '--link', 'tool0'],
      message: `error: ${UR5E}: --q: "x" is not a number (item 3 of 0,0,x,0,0,0)`,
    },
    { what: 'an unknown --link', argv: ['fk', UR5E, '--q', '0,0,0,0,0,0', '--link', 'flange0'], message: `error: ${UR5E}: --link: unknown link "flange0"` },
    { what: 'an unknown --base', argv: ['fk', UR5E, '--q', '0,0,0,0,0,0', '--link', 'tool0', '--base', 'floor'], message: `error: ${UR5E}: --base: unknown link "floor"` },
    { what: 'an unknown --tip', argv: ['ik', UR5E, '--tip', 'hand', '--target', '0.3,0,0.3'], message: `error: ${UR5E}: --tip: unknown link "hand"` },
    {
      what: 'a --target with neither 3 nor 7 numbers',
      argv: ['ik', UR5E, '--tip', 'tool0', '--target', '0.3,0,0.3,1'],
      message: `error: ${UR5E}: --target has 4 numbers, expected 3 (x,y,z) or 7 (x,y,z,qx,qy,qz,qw)`,
    },
    {
      what: 'a zero quaternion',
      argv: ['ik', UR5E, '--tip', 'tool0', '--target', '0.3,0,0.3,0,0,0,0'],
      message: `error: ${UR5E}: --target: the quaternion (qx,qy,qz,qw) must not be zero`,
    },
    {
      what: 'a --seed value outside its joint range',
      argv: ['ik', UR5E, '--tip', 'tool0', '--target', '0.3,0,0.3', '--seed', '0,7,0,0,0,0'],
      message: `error: ${UR5E}: --seed: joint "shoulder_lift_joint" = 7 is outside its range [-6.283185, 6.283185] rad`,
    },
    {
      what: 'a --seed of the wrong length',
      argv: ['ik', UR5E, '--tip', 'tool0', '--target', '0.3,0,0.3', '--seed', '0,0'],
      message: `error: ${UR5E}: --seed has 2 values, expected 6, one per joint (${JOINTS})`,
    },
    { what: 'a missing robot file', argv: ['fk', 'nope.urdf', '--q', '0', '--link', 'a'], message: 'error: nope.urdf: cannot read the file (ENOENT)' },
  ];
  for (const c of cases) {
    it(`refuses ${c.what}`, async () => {
      const { code, out, err } = await celltwin(...c.argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(c.message);
    });
  }

  it('lists fk and ik in --help', async () => {
    const { out } = await celltwin('--help');
    expect(out).toMatch(/\n {2}fk {2,}forward kinematics/);
    expect(out).toMatch(/\n {2}ik {2,}inverse kinematics/);
  });
});
