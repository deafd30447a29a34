import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Create, mat4FromXyzRpy, mat4Position, mat4RotationAngle } from '../../src/kinematics/mat4';
import { activeJoints, type RobotDescription } from '../../src/model/robot-description';
import { findLibraryEntry, libraryEntries, libraryGrippers, libraryRobots } from '../../src/model/robot-library';
import { BUNDLED_VS_CORPUS, loadBundledRobot, seededRandom } from './support/kinematics-fixtures';

const deg = Math.PI / 180;

/**
 * The largest horizontal distance from the axis-1 line (the z axis of base_link) that `link`'s
 * origin reaches within the joint limits: seeded random samples, then coordinate ascent with a
 * shrinking step from the best one. Joint 1 is left at 0 since it only turns about that line.
 */
function horizontalReach(robot: RobotDescription, link: string): number {
  const fk = new ForwardKinematics(robot);
  const limits = activeJoints(robot).map((j) => [j.limits!.lower, j.limits!.upper] as const);
  const distance = (q: number[]): number => {
    const p = mat4Position(fk.compute(q).linkPose(link));
    return Math.hypot(p[0], p[1]);
  };
  const random = seededRandom(11);
  let best = limits.map(() => 0);
  let bestDistance = distance(best);
  for (let n = 0; n < 3000; n++) {
    const q = limits.map(([lo, hi], i) => (i === 0 ? 0 : lo + (hi - lo) * random()));
    const d = distance(q);
    if (d > bestDistance) [best, bestDistance] = [q, d];
  }
  for (let step = 0.1; step > 1e-9; step /= 2) {
    for (let improved = true; improved; ) {
      improved = false;
      for (let i = 1; i < best.length; i++) {
        for (const s of [step, -step]) {
          const q = best.slice();
          q[i] = Math.min(limits[i]![1], Math.max(limits[i]![0], q[i]! + s));
          const d = distance(q);
          if (d > bestDistance + 1e-12) [best, bestDistance, improved] = [q, d, true];
        }
      }
    }
  }
  return bestDistance;
}

/** Width along x and y (m) of the shapes of `link`, for the footprint check. */
function extentXY(robot: RobotDescription, link: string): [number, number] {
  const lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (const shape of robot.links.find((l) => l.name === link)!.visuals) {
    const m = mat4FromXyzRpy(mat4Create(), shape.origin.xyz, shape.origin.rpy);
    const g = shape.geometry;
    for (let k = 0; k < 2; k++) {
      // Half-width along world axis k of the shape: sum over its own axes of |R[k][i]| · half size.
      const r = (i: number): number => Math.abs(m[i * 4 + k]!);
      const half =
        g.type === 'box' ? r(0) * g.size[0] / 2 + r(1) * g.size[1] / 2 + r(2) * g.size[2] / 2
        : g.type === 'cylinder' ? r(2) * g.length / 2 + g.radius * Math.sqrt(1 - r(2) ** 2)
        : g.type === 'sphere' ? g.radius
        : 0;
      lo[k] = Math.min(lo[k]!, m[12 + k]! - half);
      hi[k] = Math.max(hi[k]!, m[12 + k]! + half);
    }
  }
  return [hi[0]! - lo[0]!, hi[1]! - lo[1]!];
}

describe('bundled library metadata', () => {
  it('lists six arms and two grippers with unique ids', () => {
    expect(libraryRobots()).toHaveLength(6);
    expect(libraryGrippers().map((g) => g.gripper.type).sort()).toEqual(['parallel', 'vacuum']);
    expect(new Set(libraryEntries().map((e) => e.id)).size).toBe(libraryEntries().length);
    expect(findLibraryEntry('ur5e')?.file).toBe('ur5e.urdf');
  });

  for (const entry of libraryEntries()) {
    describe(entry.id, () => {
      const { robot } = loadBundledRobot(entry.file);
      const inputs = activeJoints(robot);

      it('gives joint speeds equal to the URDF velocity limits, and an acceleration per joint', () => {
        expect(entry.jointSpeeds).toHaveLength(inputs.length);
        expect(entry.jointAccelerations).toHaveLength(inputs.length);
        inputs.forEach((j, i) => expect(entry.jointSpeeds[i]).toBeCloseTo(j.limits!.velocity, 12));
        // Accelerations are either fitted to a published figure (and say so) or an assumption.
        expect(entry.notes).toMatch(entry.kind === 'robot' && entry.fitted ? /fitted/ : /assumption/);
      });

      it('gives a footprint equal to the base outline in the URDF (1 mm)', () => {
        const [x, y] = extentXY(robot, entry.baseLink);
        expect(x).toBeCloseTo(entry.footprint[0], 3);
        expect(y).toBeCloseTo(entry.footprint[1], 3);
      });
    });
  }

  for (const c of BUNDLED_VS_CORPUS) {
    const entry = libraryRobots().find((r) => r.id === c.id)!;
    const { robot } = loadBundledRobot(entry.file);

    it(`gives the ${entry.model}'s datasheet speeds and reach, and a reach its kinematics bear out`, () => {
      c.speedsDeg.forEach((s, i) => expect(entry.jointSpeeds[i]).toBeCloseTo(s * deg, 12));
      expect(entry.reach).toBeCloseTo(c.reachMm / 1000, 6);
      // Vendors measure reach to the wrist centre (industrial arms) or about there (UR). The origin of
      // joint 4's child link is the wrist centre in our industrial files and the wrist-1 centre in the
      // UR files; the reach must lie between that point's range (−5%) and tool0's range (+5%).
      const wrist = horizontalReach(robot, activeJoints(robot)[3]!.child);
      const tool = horizontalReach(robot, 'tool0');
      expect(entry.reach).toBeGreaterThan(0.95 * wrist);
      expect(entry.reach).toBeLessThan(1.05 * tool);
      // For a spherical wrist the datasheet figure is the wrist-centre range itself.
      if (!c.id.startsWith('ur')) expect(Math.abs(entry.reach - wrist) / entry.reach).toBeLessThan(0.01);
    });
  }

  it('describes the parallel gripper: mimic finger, stroke, TCP', () => {
    const entry = libraryGrippers().find((g) => g.gripper.type === 'parallel')!;
    if (entry.gripper.type !== 'parallel') throw new Error('unreachable');
    const { robot } = loadBundledRobot(entry.file);
    const fk = new ForwardKinematics(robot);
    expect(fk.dof).toBe(1);
    expect(robot.joints.filter((j) => j.mimic !== null)).toHaveLength(1);
    expect(fk.inputJoints[0]!.limits!.upper).toBeCloseTo(entry.gripper.strokePerFinger, 12);
    fk.compute([entry.gripper.strokePerFinger]);
    const left = mat4Position(fk.linkPose('finger_left'));
    const right = mat4Position(fk.linkPose('finger_right'));
    expect(left[1] - right[1]).toBeCloseTo(entry.gripper.stroke, 12);
    expect(left[1] + right[1]).toBeCloseTo(0, 12); // symmetric about the TCP
    const tcp = fk.linkPose(entry.tcpLink);
    mat4Position(tcp).forEach((v, i) => expect(v).toBeCloseTo(entry.tcp.xyz[i]!, 12));
    expect(mat4RotationAngle(tcp, mat4FromXyzRpy(mat4Create(), entry.tcp.xyz, entry.tcp.rpy))).toBeLessThan(1e-12);
  });

  it('describes the vacuum gripper: no joints, TCP at the cup, holding force = vacuum × cup area', () => {
    const entry = libraryGrippers().find((g) => g.gripper.type === 'vacuum')!;
    if (entry.gripper.type !== 'vacuum') throw new Error('unreachable');
    const { robot } = loadBundledRobot(entry.file);
    const fk = new ForwardKinematics(robot).compute([]);
    expect(fk.dof).toBe(0);
    mat4Position(fk.linkPose(entry.tcpLink)).forEach((v, i) => expect(v).toBeCloseTo(entry.tcp.xyz[i]!, 12));
    const area = Math.PI * (entry.gripper.cupDiameter / 2) ** 2;
    expect(entry.gripper.holdingForce).toBeCloseTo(entry.gripper.vacuum * area, 1);
    // The cup's lip is at the TCP: the shape farthest from the mount ends there.
    const cupEnd = Math.max(...robot.links[0]!.visuals.map((v) => v.origin.xyz[2] + (v.geometry.type === 'cylinder' ? v.geometry.length / 2 : 0)));
    expect(cupEnd).toBeCloseTo(entry.tcp.xyz[2], 9);
  });
});
