/**
 * The eight-branches lesson's live check, per jog step: what the page adds to every change of
 * the robot's joints while the lesson is open. Ours: `visitBranch` (FK of the pose, its
 * closed-form IK branches labelled, the visited list carried on). Reference: the FK the jog
 * panel already runs per step (`compute(q)` then the flange pose). Both walk the same 100 joint
 * vectors: the lesson's eight solutions and jogs of up to ±0.01 rad around them; a third are on
 * the target, where the check also names the configuration (a closed-form IK); elsewhere it is one FK.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import { visitBranch, type BranchesCheck } from '../../src/kinematics/lesson-branches';
import { mat4Create, mat4FromXyzRpy } from '../../src/kinematics/mat4';
import { seededRandom } from '../../src/kinematics/random';
import { defineCase } from '../harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STEPS = 100;

export default defineCase({
  name: 'lesson check per jog step (UR5e, eight branches)',
  ours: 'visitBranch: FK + labelled closed-form branches',
  reference: 'the jog panel FK: compute(q) + flange pose',
  setup() {
    const { robot } = parseUrdf(readFileSync(path.join(ROOT, 'urdf/ur5e.urdf'), 'utf8'), 'ur5e.urdf');
    const ik = new InverseKinematics(robot, 'base_link', 'tool0');
    // The lesson's target in the base frame (assets/lessons/eight-branches: 900 mm up, on a 600 mm pedestal).
    const target = mat4FromXyzRpy(mat4Create(), [0.45, 0.2, 0.3], [Math.PI, 0, 0]);
    const check: BranchesCheck = { kind: 'eight-branches', target: 'target-1', maxDistance: 0.001, maxAngleDeg: 1 };
    const solutions = labelledBranches(ik, target, [0, -1.5708, 1.5708, -1.5708, -1.5708, 0]).map((b) => b.q);
    const random = seededRandom(0x1e55);
    const poses = Array.from({ length: STEPS }, (_, i) => solutions[i % 8]!.map((v) => (i % 3 === 0 ? v : v + (random() - 0.5) * 0.02)));
    const fk = ik.fk;
    let visited: string[] = [];
    return {
      units: STEPS,
      ours: () => {
        for (const q of poses) visited = visitBranch(ik, target, q, visited, check).visited;
        return visited.length;
      },
      reference: () => {
        let z = 0;
        for (const q of poses) z += fk.compute(q).relativePose('base_link', 'tool0')[14]!;
        return z;
      },
    };
  },
  notes: (row) => `${(row.ours_ms * 1000).toFixed(1)} µs per check, FK alone ${(row.reference_ms * 1000).toFixed(1)} µs`,
});
