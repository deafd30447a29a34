import { describe, expect, it } from 'vitest';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import { gridCellCentre, horizontalReach, PlaneManipulabilityMapper, UNREACHABLE, type PlaneGrid } from '../../src/kinematics/manipulability-map';
import { loadBundledRobot, loadCorpusRobot } from './support/kinematics-fixtures';

describe('manipulability map of a horizontal plane', () => {
  const { robot } = loadBundledRobot('ur5e.urdf');
  const q = [0.3, -1.2, 1.5, -0.8, 1.1, 0.6];
  const ik = new InverseKinematics(robot, 'base_link', 'tool0');
  const tool = ik.fk.compute(q).relativePose('base_link', 'tool0');

  it('puts cell (i, j) at its centre: a 3-cell grid of half-size 0.3 has centres at −0.2, 0, 0.2', () => {
    const grid: PlaneGrid = { height: 0, centre: [1, 2], halfSize: 0.3, cells: 3 };
    expect(gridCellCentre(grid, 0, 0)).toEqual([expect.closeTo(0.8, 12), expect.closeTo(1.8, 12)]);
    expect(gridCellCentre(grid, 2, 1)).toEqual([expect.closeTo(1.2, 12), expect.closeTo(2, 12)]);
  });

  it('gives the cell on the tool the largest w of the labelled IK branches within limits there — at least the current pose\'s', () => {
    // An odd grid centred on the tool: the middle cell's centre is the tool position exactly.
    const grid: PlaneGrid = { height: tool[14]!, centre: [tool[12]!, tool[13]!], halfSize: 0.05, cells: 5 };
    const map = new PlaneManipulabilityMapper(robot, 'base_link', 'tool0', grid, tool, q).map();
    const middle = map[2 * 5 + 2]!;
    ik.jacobian.compute(q);
    const current = ik.jacobian.manipulability();
    const best = Math.max(
      ...labelledBranches(ik, tool, q)
        .filter((b) => b.withinLimits)
        .map((b) => {
          ik.jacobian.compute(b.q);
          return ik.jacobian.manipulability();
        }),
    );
    expect(middle).toBeCloseTo(best, 6); // float32 storage
    expect(middle).toBeGreaterThanOrEqual(current * (1 - 1e-6));
    expect([...map].every((w) => w > 0)).toBe(true); // 5 cm around a comfortable pose: all reachable
  });

  it('marks the cells beyond the UR5e\'s 850 mm reach unreachable and those close in reachable, the same way twice', () => {
    const reach = horizontalReach(robot, 'base_link', 'tool0');
    // Between the datasheet's 850 mm (to the wrist) and 5 % over the sum of the link lengths
    // (a2 + a3 + d4 + d5 + d6 = 425 + 392.2 + 133.3 + 99.7 + 99.6 mm), which no pose can exceed.
    expect(reach).toBeGreaterThan(0.85);
    expect(reach).toBeLessThan(1.05 * (0.425 + 0.3922 + 0.1333 + 0.0997 + 0.0996));
    const grid: PlaneGrid = { height: tool[14]!, centre: [0, 0], halfSize: 1.2, cells: 24 };
    const map = new PlaneManipulabilityMapper(robot, 'base_link', 'tool0', grid, tool, q).map();
    let far = 0, near = 0;
    for (let row = 0; row < 24; row++) {
      for (let column = 0; column < 24; column++) {
        const [x, y] = gridCellCentre(grid, column, row);
        const r = Math.hypot(x, y, tool[14]! - 0.1625); // from the shoulder (d1 = 162.5 mm)
        const w = map[row * 24 + column]!;
        if (r > 1.0) {
          far++;
          expect(w).toBe(UNREACHABLE);
        } else if (w > 0) near++;
      }
    }
    expect(far).toBeGreaterThan(100);
    expect(near).toBeGreaterThan(50);
    expect(new PlaneManipulabilityMapper(robot, 'base_link', 'tool0', grid, tool, q).map()).toEqual(map);
  });

  it('maps a chain without a closed form (KUKA iiwa, 7 axes) by DLS: reachable at the tool, unreachable 2 m out', () => {
    const iiwa = loadCorpusRobot('kuka_lbr_iiwa_support/urdf/lbr_iiwa_14_r820.urdf');
    const seven = [0.2, 0.6, -0.1, -1.2, 0.3, 0.8, 0.1];
    const iik = new InverseKinematics(iiwa, 'base_link', 'tool0');
    expect(iik.closedForm).toBeNull();
    const pose = iik.fk.compute(seven).relativePose('base_link', 'tool0');
    const mapper = new PlaneManipulabilityMapper(iiwa, 'base_link', 'tool0', { height: pose[14]!, centre: [0, 0], halfSize: 2, cells: 4 }, pose, seven);
    iik.jacobian.compute(seven);
    expect(mapper.valueAt(pose[12]!, pose[13]!)).toBeGreaterThan(0);
    expect(mapper.valueAt(2, 0)).toBe(UNREACHABLE);
  });

  it('refuses a grid it cannot map, naming the field', () => {
    expect(() => new PlaneManipulabilityMapper(robot, 'base_link', 'tool0', { height: 0, centre: [0, 0], halfSize: 1, cells: 0 }, tool, q)).toThrow(/grid\.cells/);
    expect(() => new PlaneManipulabilityMapper(robot, 'base_link', 'tool0', { height: 0, centre: [0, 0], halfSize: -1, cells: 4 }, tool, q)).toThrow(/grid\.halfSize/);
  });
});
