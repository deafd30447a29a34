/**
 * Shared fixtures of the motion tests: bundled robots with their library limits, a fine-grained
 * limit checker for any trajectory, and a small damped-least-squares IK built directly on
 * ForwardKinematics. The IK is test-local on purpose: the motion layer takes IK as a plain
 * function, and these tests check the motion code, not a particular solver.
 */
import { expect } from 'vitest';
import { ForwardKinematics } from '../../../src/kinematics/forward';
import type { Mat4 } from '../../../src/kinematics/mat4';
import type { RobotDescription } from '../../../src/model/robot-description';
import { findLibraryEntry, type RobotLibraryEntry } from '../../../src/model/robot-library';
import { robotMotionLimits, type JointMotionLimits } from '../../../src/motion/limits';
import type { JointTrajectory } from '../../../src/motion/trajectory';
import { loadBundledRobot } from './kinematics-fixtures';

/** A bundled robot and its limits from urdf/library.json. */
export function libraryRobot(id: string): { robot: RobotDescription; limits: JointMotionLimits; entry: RobotLibraryEntry } {
  const entry = findLibraryEntry(id) as RobotLibraryEntry;
  const robot = loadBundledRobot(entry.file).robot;
  return { robot, limits: robotMotionLimits(robot, entry), entry };
}

/** The limits of a bundled robot from urdf/library.json. */
export function libraryLimits(id: string): JointMotionLimits {
  return libraryRobot(id).limits;
}

/**
 * Samples a trajectory at `steps` + 1 times and returns the worst ratios to the limits: of the
 * reported velocity and acceleration, and of the finite differences (position change per step
 * over v·dt, velocity change over a·dt), so continuity is checked without trusting the
 * trajectory's own derivatives. Every ratio must be ≤ 1.
 */
export function worstRatios(traj: JointTrajectory, limits: JointMotionLimits, steps = 20000) {
  const n = traj.dof;
  const dt = traj.duration / steps;
  const q = new Float64Array(n), qd = new Float64Array(n), qdd = new Float64Array(n);
  const prevQ = new Float64Array(n), prevQd = new Float64Array(n);
  const worst = { velocity: 0, acceleration: 0, positionStep: 0, velocityStep: 0 };
  for (let k = 0; k <= steps; k++) {
    traj.sample(k * dt, q, qd, qdd);
    for (let i = 0; i < n; i++) {
      const v = limits.velocity[i]!, a = limits.acceleration[i]!;
      worst.velocity = Math.max(worst.velocity, Math.abs(qd[i]!) / v);
      worst.acceleration = Math.max(worst.acceleration, Math.abs(qdd[i]!) / a);
      if (k > 0) {
        worst.positionStep = Math.max(worst.positionStep, Math.abs(q[i]! - prevQ[i]!) / (v * dt));
        worst.velocityStep = Math.max(worst.velocityStep, Math.abs(qd[i]! - prevQd[i]!) / (a * dt));
      }
    }
    prevQ.set(q);
    prevQd.set(qd);
  }
  return worst;
}

/** Expects every ratio of {@link worstRatios} within 1 (+ rounding); returns them. */
export function checkLimits(traj: JointTrajectory, limits: JointMotionLimits) {
  const worst = worstRatios(traj, limits);
  expect(worst.velocity).toBeLessThanOrEqual(1 + 1e-9);
  expect(worst.acceleration).toBeLessThanOrEqual(1 + 1e-9);
  expect(worst.positionStep).toBeLessThanOrEqual(1 + 1e-6);
  expect(worst.velocityStep).toBeLessThanOrEqual(1 + 1e-6);
  return worst;
}

/** Solves a·x = b (n × n, row arrays) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < n; k++) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * Damped least squares IK for `tip` in the robot's root frame: Newton steps
 * dq = Jᵀ (J Jᵀ + λ²I)⁻¹ e on the geometric Jacobian, from the seed, until the pose error is
 * below 1e-11 (m and rad); null after 100 steps. Joint limits are ignored (the UR's ±2π rarely
 * matter here). Slow and allocating, which is fine for tests.
 */
export function dlsIk(robot: RobotDescription, tip: string): (target: Mat4, seed: Float64Array) => Float64Array | null {
  const fk = new ForwardKinematics(robot);
  const tipIndex = fk.indexOfLink(tip);
  const n = fk.dof;
  const z = [0, 0, 0];
  return (target, seed) => {
    const q = Float64Array.from(seed);
    for (let iter = 0; iter < 100; iter++) {
      fk.compute(q);
      const m = fk.worldOf(tipIndex);
      const e = [target[12]! - m[12]!, target[13]! - m[13]!, target[14]! - m[14]!, 0, 0, 0];
      // Orientation error: the rotation vector of R_target · R_currentᵀ.
      const r = (i: number, j: number) => target[i]! * m[j]! + target[i + 4]! * m[j + 4]! + target[i + 8]! * m[j + 8]!;
      const vx = (r(2, 1) - r(1, 2)) / 2, vy = (r(0, 2) - r(2, 0)) / 2, vz = (r(1, 0) - r(0, 1)) / 2;
      const sin = Math.hypot(vx, vy, vz), cos = (r(0, 0) + r(1, 1) + r(2, 2) - 1) / 2;
      const k = sin > 1e-12 ? Math.atan2(sin, cos) / sin : 1;
      e[3] = vx * k; e[4] = vy * k; e[5] = vz * k;
      if (Math.hypot(e[0]!, e[1]!, e[2]!) < 1e-11 && Math.hypot(e[3]!, e[4]!, e[5]!) < 1e-11) return q;
      const J: number[][] = Array.from({ length: 6 }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) {
        fk.inputAxis(i, z);
        const c = fk.worldOf(fk.inputChildLink(i));
        const dx = m[12]! - c[12]!, dy = m[13]! - c[13]!, dz = m[14]! - c[14]!;
        J[0]![i] = z[1]! * dz - z[2]! * dy;
        J[1]![i] = z[2]! * dx - z[0]! * dz;
        J[2]![i] = z[0]! * dy - z[1]! * dx;
        J[3]![i] = z[0]!; J[4]![i] = z[1]!; J[5]![i] = z[2]!;
      }
      const A = J.map((row, a) => J.map((other, b) => row.reduce((s, v, i) => s + v * other[i]!, 0) + (a === b ? 1e-6 : 0)));
      const y = solve(A, e);
      for (let i = 0; i < n; i++) q[i] = q[i]! + J.reduce((s, row, a) => s + row[i]! * y[a]!, 0);
    }
    return null;
  };
}
