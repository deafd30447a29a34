/**
 * Checker of the "reach this target on all eight branches" lesson: the student puts a 6-axis
 * arm's tool on one target pose in each of its eight configurations (shoulder right/left ×
 * elbow up/down × wrist flip/no flip). The checker is a fold: each pose the robot takes goes
 * through {@link visitBranch} with what was visited so far, and the verdict says which
 * configurations are still missing. Pure over plain data (the visited list is the state), so
 * the page and the tests run the same check.
 */
import { labelledBranches } from './ik-branches';
import type { InverseKinematics } from './ik';
import { mat4RotationAngle, type Mat4 } from './mat4';

/** The eight configurations, named as ik-branches.ts names them, in a fixed teaching order. */
export const BRANCH_LABELS: readonly string[] = (['right', 'left'] as const).flatMap((shoulder) =>
  (['up', 'down'] as const).flatMap((elbow) => ['no flip', 'wrist flip'].map((wrist) => `shoulder ${shoulder}, elbow ${elbow}, ${wrist}`)),
);

/** What the eight-branches lesson asks for: the target (a cell target id) and how close counts. */
export interface BranchesCheck {
  kind: 'eight-branches';
  /** Id of the cell target the tool must be on. */
  target: string;
  /** Largest distance (m) between the tool and the target that counts as on it. */
  maxDistance: number;
  /** Largest angle (degrees) between the tool's and the target's orientation that counts. */
  maxAngleDeg: number;
}

/** The verdict after one pose, with the new visited list to carry into the next. */
export interface BranchesVerdict {
  passed: boolean;
  message: string;
  /** Distance (m) from the tool to the target at this pose. */
  measure: number;
  /** Angle (rad) between the tool's and the target's orientation at this pose. */
  angle: number;
  /** This pose's configuration when the tool is on the target (null off it, or at a singular pose). */
  branch: string | null;
  /** True when this pose's tool is on the target within the tolerances. */
  onTarget: boolean;
  /** Configurations visited so far, in {@link BRANCH_LABELS} order. */
  visited: string[];
  /** Configurations still to visit, in {@link BRANCH_LABELS} order. */
  missing: string[];
}

/** The smallest difference between two angles (rad), whatever their ±2π turns. */
const angleGap = (a: number, b: number): number => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

/**
 * The configuration `q` is in: the labelled branch of its own tool pose whose joints equal `q`
 * (up to whole turns). Null when the chain has no closed form or `q` is at a singularity where
 * no branch matches it to 1e-6 rad. Runs FK and IK on `ik` (clobbering their state).
 */
export function configurationOf(ik: InverseKinematics, q: readonly number[]): string | null {
  const { chain } = ik.jacobian;
  const pose = ik.fk.compute(q).relativePose(chain.baseLink, chain.tipLink);
  let branches;
  try {
    branches = labelledBranches(ik, pose, q);
  } catch {
    return null; // q outside the joint limits: the caller passes posable joints, so a bug elsewhere
  }
  let best: string | null = null;
  let bestGap = 1e-6;
  for (const b of branches) {
    const gap = Math.max(...b.q.map((v, i) => angleGap(v, q[i] ?? 0)));
    if (gap <= bestGap) {
      best = b.label;
      bestGap = gap;
    }
  }
  return best;
}

const mm = (m: number): string => (m * 1000).toFixed(1);
const deg = (rad: number): string => ((rad * 180) / Math.PI).toFixed(1);

/**
 * One step of the lesson: the robot is at `q` (input joints of `ik`, within their limits), the
 * target is `target` (tip in base, column-major), `visited` what earlier poses counted. A pose
 * counts for its configuration when the tip is within `check.maxDistance` and
 * `check.maxAngleDeg` of the target. Cheap enough for every jog step: one FK, plus a labelled
 * closed-form IK when the tool is on the target.
 */
export function visitBranch(ik: InverseKinematics, target: Mat4, q: readonly number[], visited: readonly string[], check: BranchesCheck): BranchesVerdict {
  const { chain } = ik.jacobian;
  const tip = ik.fk.compute(q).relativePose(chain.baseLink, chain.tipLink);
  const distance = Math.hypot(tip[12]! - target[12]!, tip[13]! - target[13]!, tip[14]! - target[14]!);
  const angle = mat4RotationAngle(tip, target);
  const onTarget = distance <= check.maxDistance && (angle * 180) / Math.PI <= check.maxAngleDeg;
  // Naming the configuration costs a closed-form IK (about 0.3 ms); only a pose on the target
  // needs it, so a jog step elsewhere costs one FK.
  const branch = onTarget ? configurationOf(ik, q) : null;
  const seen = new Set(visited);
  if (onTarget && branch !== null) seen.add(branch);
  const now = BRANCH_LABELS.filter((l) => seen.has(l));
  const missing = BRANCH_LABELS.filter((l) => !seen.has(l));
  const passed = missing.length === 0;
  const here = onTarget
    ? `The tool is on the target${branch ? ` (${branch})` : ' but the pose is singular: no configuration counts'}.`
    : `The tool is ${mm(distance)} mm and ${deg(angle)}° from the target (within ${check.maxDistance * 1000} mm and ${check.maxAngleDeg}° counts).`;
  const message = passed
    ? 'All eight configurations put the tool on the same target: a 6-axis arm has up to eight IK solutions for one tool pose, from three binary choices (shoulder left or right, elbow up or down, wrist flipped or not). A robot program has to pick one, which is why teach pendants store the configuration with each position.'
    : `Not yet: ${now.length} of 8 configurations visited. ${here} Missing: ${missing.join('; ')}.`;
  return { passed, message, measure: distance, angle, branch, onTarget, visited: now, missing };
}
