/**
 * Kinematics objects for a robot shown in the page, built once per parsed description and shared
 * by the jog panel and the IK handle: FK, IK from the root link to the flange, and a reference
 * manipulability to judge "near a singularity" against.
 */
import { ForwardKinematics } from '../../kinematics/forward';
import { InverseKinematics } from '../../kinematics/ik';
import { seededRandom } from '../../kinematics/random';
import { activeJoints, flangeLink, type RobotDescription, type RobotSource } from '../../model';


export interface RobotKinematics {
  fk: ForwardKinematics;
  ik: InverseKinematics;
  base: string;
  flange: string;
  /** Median manipulability over random poses: the yardstick for "near a singularity". */
  typicalManipulability: number;
}

const cache = new WeakMap<RobotDescription, RobotKinematics>();

function typical(ik: InverseKinematics, robot: RobotDescription): number {
  const joints = activeJoints(robot);
  const random = seededRandom(7);
  const values: number[] = [];
  const q = new Float64Array(joints.length);
  for (let s = 0; s < 64; s++) {
    joints.forEach((j, i) => {
      const lo = j.limits && Number.isFinite(j.limits.lower) ? j.limits.lower : -Math.PI;
      const hi = j.limits && Number.isFinite(j.limits.upper) ? j.limits.upper : Math.PI;
      q[i] = lo + (hi - lo) * random();
    });
    ik.jacobian.compute(q);
    values.push(ik.jacobian.manipulability());
  }
  values.sort((a, b) => a - b);
  return values[values.length >> 1] ?? 1;
}

/** The shared kinematics of a robot (built on first use). */
export function robotKinematics(robot: RobotDescription, source: RobotSource): RobotKinematics {
  let k = cache.get(robot);
  if (!k) {
    const fk = new ForwardKinematics(robot);
    const flange = flangeLink(source, robot);
    const ik = new InverseKinematics(robot, robot.root, flange, fk);
    k = { fk, ik, base: robot.root, flange, typicalManipulability: 0 };
    k.typicalManipulability = typical(ik, robot);
    cache.set(robot, k);
  }
  return k;
}
