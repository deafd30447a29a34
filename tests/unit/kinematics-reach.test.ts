import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { sampleReach } from '../../src/kinematics/reach';
import { libraryRobots } from '../../src/model/robot-library';
import { loadBundledRobot, loadCorpusRobot } from './support/kinematics-fixtures';

describe('sampleReach', () => {
  it('gives the same points for the same seed and different points for another seed', () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    const a = sampleReach(robot, 'base_link', 'tool0', { samples: 500, seed: 7 });
    const b = sampleReach(robot, 'base_link', 'tool0', { samples: 500, seed: 7 });
    const c = sampleReach(robot, 'base_link', 'tool0', { samples: 500, seed: 8 });
    expect(a.points).toBeInstanceOf(Float32Array);
    expect(a.points).toHaveLength(1500);
    expect(Array.from(a.points)).toEqual(Array.from(b.points));
    expect(Array.from(a.points)).not.toEqual(Array.from(c.points));
    expect(a).toEqual(b);
  });

  for (const entry of libraryRobots()) {
    it(`spans the ${entry.model}: farthest tool0 between its datasheet reach (${entry.reach} m) and 1.2 times it`, () => {
      const { robot } = loadBundledRobot(entry.file);
      const cloud = sampleReach(robot, entry.baseLink, entry.flangeLink, { samples: 20000, seed: 1 });
      // Datasheet reach is to the wrist centre or flange; the sampled cloud reaches a bit past it.
      expect(cloud.maxHorizontalRadius).toBeGreaterThan(entry.reach);
      expect(cloud.maxHorizontalRadius).toBeLessThan(1.2 * entry.reach);
      expect(cloud.maxRadius).toBeGreaterThanOrEqual(cloud.maxHorizontalRadius);
      for (let k = 0; k < 3; k++) expect(cloud.min[k]).toBeLessThanOrEqual(cloud.max[k]!);
    });
  }

  it('samples only points the robot can reach: position-only IK finds each of 20 of them', () => {
    const robot = loadCorpusRobot('franka_description/robots/panda/panda.urdf');
    const cloud = sampleReach(robot, 'panda_link0', 'panda_link8', { samples: 20, seed: 3 });
    const ik = new InverseKinematics(robot, 'panda_link0', 'panda_link8');
    const seed = [0, -Math.PI / 4, 0, (-3 * Math.PI) / 4, 0, Math.PI / 2, Math.PI / 4, 0];
    for (let s = 0; s < 20; s++) {
      const p = Array.from(cloud.points.subarray(3 * s, 3 * s + 3)) as [number, number, number];
      // Float32 rounding moves a point by up to ~1e-7 m: ask for that much.
      expect(ik.solve({ position: p }, seed, { positionTolerance: 1e-6 }).converged).toBe(true);
    }
  });

  it('keeps the cloud in the base frame and its bounds around the points', () => {
    const { robot } = loadBundledRobot('kuka_kr6_r900_sixx.urdf');
    const cloud = sampleReach(robot, 'base_link', 'tool0', { samples: 1000, seed: 2 });
    for (let s = 0; s < 1000; s++) {
      for (let k = 0; k < 3; k++) {
        expect(cloud.points[3 * s + k]!).toBeGreaterThanOrEqual(Math.fround(cloud.min[k]!) - 1e-6);
        expect(cloud.points[3 * s + k]!).toBeLessThanOrEqual(Math.fround(cloud.max[k]!) + 1e-6);
      }
    }
  });

  it('returns an empty cloud for 0 samples and refuses a negative or fractional count', () => {
    const { robot } = loadBundledRobot('ur5e.urdf');
    expect(sampleReach(robot, 'base_link', 'tool0', { samples: 0, seed: 1 })).toEqual({
      points: new Float32Array(0), maxRadius: 0, maxHorizontalRadius: 0, min: [0, 0, 0], max: [0, 0, 0],
    });
    expect(() => sampleReach(robot, 'base_link', 'tool0', { samples: -1, seed: 1 })).toThrow('non-negative integer');
    expect(() => sampleReach(robot, 'base_link', 'tool0', { samples: 2.5, seed: 1 })).toThrow('non-negative integer');
    expect(() => sampleReach(robot, 'base_link', 'nope', { samples: 10, seed: 1 })).toThrow('unknown link "nope"');
  });
});
