import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import { BRANCH_LABELS, configurationOf, visitBranch, type BranchesVerdict } from '../../src/kinematics/lesson-branches';
import { parseLesson } from '../../src/kinematics/lesson-check';
import { mat4Create, mat4InvertRigid, mat4MultiplyRigid } from '../../src/kinematics/mat4';
import type { RobotItem } from '../../src/model';
import { parseCellFile } from '../../src/store/cell-file';
import { poseMatrix, targetInCell } from '../../src/tools/targets';
import { loadBundledRobot } from './support/kinematics-fixtures';

const LESSONS = fileURLToPath(new URL('../../assets/lessons/', import.meta.url));
const lesson = parseLesson(readFileSync(LESSONS + 'eight-branches.lesson.json', 'utf8'), 'eight-branches.lesson.json');
const parsed = parseCellFile(readFileSync(LESSONS + lesson.cell, 'utf8'), lesson.cell);
if (!parsed.ok) throw new Error(parsed.message);
const cell = parsed.cell;
if (lesson.check.kind !== 'eight-branches') throw new Error('eight-branches.lesson.json: expected an eight-branches check');
const check = lesson.check;
const item = cell.items.find((i): i is RobotItem => i.id === lesson.robot && i.type === 'robot')!;
const { robot } = loadBundledRobot('ur5e.urdf');
const ik = new InverseKinematics(robot, 'base_link', 'tool0');
const inCell = targetInCell(cell, cell.targets.find((t) => t.id === check.target)!)!;
const target = mat4MultiplyRigid(mat4Create(), mat4InvertRigid(mat4Create(), poseMatrix(item.pose)), inCell);
const branches = labelledBranches(ik, target, item.joints);

/** Feeds poses one after another through the checker, as the page does while the student jogs. */
const walk = (poses: readonly (readonly number[])[]): BranchesVerdict[] => {
  const out: BranchesVerdict[] = [];
  let visited: string[] = [];
  for (const q of poses) {
    const v = visitBranch(ik, target, q, visited, check);
    visited = v.visited;
    out.push(v);
  }
  return out;
};

describe('the "reach this target on all eight branches" lesson', () => {
  it('is a UR5e cell whose target has eight solutions, all within the joint limits and on the target', () => {
    expect(item.source).toEqual({ type: 'bundled', id: 'ur5e' });
    expect(check).toEqual({ kind: 'eight-branches', target: 'target-1', maxDistance: 0.001, maxAngleDeg: 1 });
    expect(branches).toHaveLength(8);
    expect(new Set(branches.map((b) => b.label))).toEqual(new Set(BRANCH_LABELS));
    for (const b of branches) {
      expect(b.withinLimits).toBe(true);
      expect(b.positionError).toBeLessThan(1e-9);
    }
  });

  it('starts not done: the start pose is off the target and nothing is visited', () => {
    const [v] = walk([item.joints!]);
    expect(v!.passed).toBe(false);
    expect(v!.onTarget).toBe(false);
    expect(v!.visited).toEqual([]);
    // The start flange, from FK, is well away from the target, 900 mm over the floor and 300 mm over the base on its 600 mm pedestal.
    const tip = ik.fk.compute(item.joints!).relativePose('base_link', 'tool0');
    expect(v!.measure).toBeCloseTo(Math.hypot(tip[12]! - 0.45, tip[13]! - 0.2, tip[14]! - (0.9 - 0.6)), 9);
    expect(v!.message).toMatch(/^Not yet: 0 of 8 configurations visited\. The tool is \d+\.\d mm and \d+\.\d° from the target/);
  });

  it('accepts the eight solutions visited one after another, whatever the order', () => {
    const forward = walk(branches.map((b) => b.q));
    expect(forward.map((v) => v.visited.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(forward.at(-1)!.passed).toBe(true);
    expect(forward.at(-1)!.missing).toEqual([]);
    const backward = walk([...branches].reverse().map((b) => b.q));
    expect(backward.at(-1)!.passed).toBe(true);
  });

  it('names each pose by its own configuration: the wrist by the sign of θ5, the shoulder by which of the two θ1 it uses', () => {
    const theta1 = [...new Set(branches.map((b) => b.q[0]!.toFixed(9)))];
    expect(theta1).toHaveLength(2);
    for (const b of branches) {
      const name = configurationOf(ik, b.q)!;
      expect(name).toBe(b.label);
      expect(name.endsWith('wrist flip')).toBe(Math.sin(b.q[4]!) < 0);
    }
    const rightTheta1 = branches.filter((b) => b.shoulder === 'right').map((b) => b.q[0]!.toFixed(9));
    expect(new Set(rightTheta1).size).toBe(1);
    // Whole turns do not change the configuration: joint 6 one turn on is the same pose.
    const b0 = branches[0]!;
    const turned = b0.q.map((v, i) => (i === 5 ? (v > 0 ? v - 2 * Math.PI : v + 2 * Math.PI) : v));
    expect(configurationOf(ik, turned)).toBe(b0.label);
  });

  it('rejects seven configurations, naming the one missing', () => {
    const seven = walk(branches.slice(0, 7).map((b) => b.q)).at(-1)!;
    expect(seven.passed).toBe(false);
    expect(seven.visited).toHaveLength(7);
    expect(seven.missing).toEqual([branches[7]!.label]);
    expect(seven.message).toContain(`Not yet: 7 of 8 configurations visited. The tool is on the target (${branches[6]!.label}). Missing: ${branches[7]!.label}.`);
  });

  it('rejects the eighth configuration with the tool 5 mm off the target, and counts it once the tool is within 1 mm', () => {
    const last = branches[7]!;
    // Move the last pose along the tool's path: the same configuration, the flange 5 mm lower.
    const lowered = ik.solve(shifted(target, -0.005), last.q, { restarts: 0 });
    expect(lowered.converged).toBe(true);
    expect(configurationOf(ik, lowered.q)).toBe(last.label);
    const steps = walk([...branches.slice(0, 7).map((b) => b.q), lowered.q]);
    const off = steps.at(-1)!;
    expect(off.passed).toBe(false);
    expect(off.onTarget).toBe(false);
    expect(off.measure).toBeCloseTo(0.005, 9);
    expect(off.message).toContain('The tool is 5.0 mm and 0.0° from the target (within 1 mm and 1° counts).');
    expect(off.missing).toEqual([last.label]);
    const close = ik.solve(shifted(target, -0.0009), last.q, { restarts: 0 });
    const within = visitBranch(ik, target, close.q, off.visited, check);
    expect(within.measure).toBeCloseTo(0.0009, 9);
    expect(within.passed).toBe(true);
    expect(within.message).toMatch(/^All eight configurations put the tool on the same target/);
  });

  it('refuses a lesson file whose tolerance is not a distance, naming the field', () => {
    const bad = JSON.stringify({ ...lesson, check: { ...check, maxDistance: 5 } });
    expect(() => parseLesson(bad, 'x.lesson.json')).toThrow('x.lesson.json: check.maxDistance: expected a distance in metres, above 0 and at most 0.1');
    const unknown = JSON.stringify({ ...lesson, check: { kind: 'nine-branches' } });
    expect(() => parseLesson(unknown, 'x.lesson.json')).toThrow('x.lesson.json: check.kind: expected one of "wrist-singularity", "eight-branches", "dh-parameter"');
  });
});

/** `m` moved by `dz` along the base's z. */
function shifted(m: Float64Array, dz: number): Float64Array {
  const out = Float64Array.from(m);
  out[14] = out[14]! + dz;
  return out;
}
