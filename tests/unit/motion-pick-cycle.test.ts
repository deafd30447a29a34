/**
 * The "standard cycle" of tests/corpus/DATASHEETS.md section 2 on the bundled ABB IRB 120:
 * up 25 mm, across 300 mm, down 25 mm, and back, with the library's bare-arm joint limits (no
 * payload), at a pose of its own. ABB quotes 0.58 s for this cycle with 1 kg; the library's
 * accelerations are fitted to that figure at the standard pose of src/motion/standard-cycle.ts,
 * which tests/unit/fidelity-standard-cycle.test.ts checks. Here: the figure is plausible anywhere
 * near, and blending the corners shortens it.
 */
import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Copy, mat4Create, type Mat4 } from '../../src/kinematics/mat4';
import { BlendedSequence } from '../../src/motion/blend';
import { MoveJ } from '../../src/motion/move-j';
import { planMoveL } from '../../src/motion/move-l';
import type { BlendableMove } from '../../src/motion/trajectory';
import type { ProfileKind } from '../../src/motion/profile';
import { dlsIk, libraryRobot } from './support/motion-fixtures';

const { robot, limits } = libraryRobot('abb_irb120');
const fk = new ForwardKinematics(robot);
const ik = dlsIk(robot, 'tool0');
/** Pick pose: tool pointing down at (0.343, −0.166, 0.359) m in base_link. */
const qPick = [-0.45, 0.35, 0.25, 0, 0.97, -0.45];
const pick = fk.compute(qPick).relativePose('base_link', 'tool0', mat4Create());

const offset = (dx: number, dy: number, dz: number): Mat4 => {
  const m = mat4Copy(mat4Create(), pick);
  m.set([pick[12]! + dx, pick[13]! + dy, pick[14]! + dz], 12);
  return m;
};
/** Pick → up → across → down (place) → up → back → down (pick). */
const cycle = [pick, offset(0, 0, 0.025), offset(0, 0.3, 0.025), offset(0, 0.3, 0), offset(0, 0.3, 0.025), offset(0, 0, 0.025), pick];
/** Corner zones; the place point (a reversal where the gripper acts) is a stop. */
const zones = (r: number) => [r, r, 0, r, r];

function jointPoints(): Float64Array[] {
  const qs: Float64Array[] = [Float64Array.from(qPick)];
  for (const pose of cycle.slice(1)) {
    const q = ik(pose, qs[qs.length - 1]!);
    if (!q) throw new Error('cycle point out of reach');
    qs.push(q);
  }
  return qs;
}

/** Cycle times of the joint-move (MoveJ) version, stopping at every point and blended. */
export function moveJCycle(profile: ProfileKind, radius: number) {
  const qs = jointPoints();
  const moves = qs.slice(1).map((q, k) => new MoveJ(qs[k]!, q, limits, { profile }));
  return { stopAndGo: moves.reduce((s, m) => s + m.duration, 0), blended: new BlendedSequence(moves, zones(radius), limits).duration };
}

/** Cycle times of the linear (MoveL) version at the IRB 120's TCP limits: 6.2 m/s, 28 m/s². */
export function moveLCycle(profile: ProfileKind, radius: number) {
  const moves: BlendableMove[] = [];
  let q: ArrayLike<number> = qPick;
  for (let k = 1; k < cycle.length; k++) {
    const result = planMoveL(cycle[k - 1]!, cycle[k]!, { startQ: q, ik, limits, speed: 6.2, acceleration: 28, profile });
    if (!result.ok) throw new Error(result.failure.message);
    moves.push(result.trajectory);
    q = result.trajectory.end;
  }
  return { stopAndGo: moves.reduce((s, m) => s + m.duration, 0), blended: new BlendedSequence(moves, zones(radius), limits).duration };
}

describe('the 25 × 300 × 25 mm pick cycle on the ABB IRB 120 (vendor: 0.58 s)', () => {
  it('as joint moves takes a plausible 0.5–3 s, and 0.05 rad zones make the s-curve cycle shorter', () => {
    const trapezoidal = moveJCycle('trapezoidal', 0.05);
    const sCurve = moveJCycle('s-curve', 0.05);
    for (const t of [trapezoidal.stopAndGo, sCurve.stopAndGo, sCurve.blended]) {
      expect(t).toBeGreaterThan(0.5);
      expect(t).toBeLessThan(3);
    }
    expect(trapezoidal.blended).toBeLessThanOrEqual(trapezoidal.stopAndGo);
    expect(sCurve.blended).toBeLessThan(sCurve.stopAndGo - 0.1);
  });

  it('as linear moves at the vendor TCP limits is slowed by the joint limits, yet plausible', () => {
    const linear = moveLCycle('s-curve', 0.01);
    expect(linear.stopAndGo).toBeGreaterThan(0.5);
    expect(linear.stopAndGo).toBeLessThan(3);
    expect(linear.blended).toBeLessThan(linear.stopAndGo);
  });
});
