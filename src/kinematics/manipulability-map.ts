/**
 * A manipulability map over a horizontal plane: for each cell of a square grid around the
 * robot, solve IK for the tool at the cell centre with a fixed orientation (the current tool
 * orientation in the kinematics view) and record Yoshikawa's w of the best solution — the
 * branch within limits with the largest w — or {@link UNREACHABLE}.
 *
 * Chains with a closed form try all eight branches; the others run damped least squares from
 * the neighbouring cell's solution (rows are scanned in a serpentine, so neighbours are close)
 * with a few seeded restarts. Deterministic, allocation-light, row by row so that a worker can
 * report progress and stay responsive between rows.
 */
import type { RobotDescription } from '../model/robot-description';
import { InverseKinematics } from './ik';
import { mat4Create, type Mat4 } from './mat4';
import { sampleReach } from './reach';

/** Value of a cell no solution reaches. */
export const UNREACHABLE = -1;

/** A square grid in a horizontal plane of the base frame (metres). */
export interface PlaneGrid {
  /** z of the plane in the base frame. */
  height: number;
  /** x, y of the grid's centre. */
  centre: [number, number];
  /** Half the side of the square. */
  halfSize: number;
  /** Cells per side. */
  cells: number;
}

/** x, y of the centre of cell (column, row); row 0 is the most negative y. */
export function gridCellCentre(grid: PlaneGrid, column: number, row: number): [number, number] {
  const step = (2 * grid.halfSize) / grid.cells;
  return [grid.centre[0] - grid.halfSize + (column + 0.5) * step, grid.centre[1] - grid.halfSize + (row + 0.5) * step];
}

/** Throws a message naming the field when a grid cannot be mapped. */
export function checkGrid(grid: PlaneGrid): void {
  if (!Number.isInteger(grid.cells) || grid.cells < 1 || grid.cells > 512) throw new Error(`grid.cells: expected an integer 1…512, got ${grid.cells}`);
  if (!(grid.halfSize > 0) || !Number.isFinite(grid.halfSize)) throw new Error(`grid.halfSize: expected a positive length in m, got ${grid.halfSize}`);
  if (![grid.height, ...grid.centre].every(Number.isFinite)) throw new Error('grid.height / grid.centre: expected finite numbers (m)');
}

/**
 * The horizontal reach of `tip` around `base`'s z axis, from a seeded sample of the workspace,
 * rounded up by 5 %: a grid of this half-size around the base covers everything reachable.
 */
export function horizontalReach(robot: RobotDescription, base: string, tip: string, samples = 3000): number {
  return 1.05 * sampleReach(robot, base, tip, { samples, seed: 1 }).maxHorizontalRadius;
}

/** Maps one plane for one robot chain; {@link mapRow} fills a row at a time. */
export class PlaneManipulabilityMapper {
  readonly ik: InverseKinematics;
  readonly grid: PlaneGrid;
  private readonly target: Mat4 = mat4Create();
  private readonly reached: Mat4 = mat4Create();
  private seed: number[];

  /**
   * `rotation`: the tool orientation to hold (the rotation part of a column-major Mat4 in the
   * base frame; its translation is ignored). `seed`: all input joints, within limits — the
   * current pose, which also picks each joint's ±2π equivalent.
   */
  constructor(robot: RobotDescription, base: string, tip: string, grid: PlaneGrid, rotation: ArrayLike<number>, seed: readonly number[]) {
    checkGrid(grid);
    this.ik = new InverseKinematics(robot, base, tip);
    this.grid = grid;
    for (let k = 0; k < 12; k++) this.target[k] = rotation[k] ?? 0;
    this.target[15] = 1;
    this.seed = [...seed];
  }

  /** w of the best solution at (x, y), or UNREACHABLE. Runs FK (clobbering the IK's FK state). */
  valueAt(x: number, y: number): number {
    const { ik, target } = this;
    target[12] = x;
    target[13] = y;
    target[14] = this.grid.height;
    const { fk, jacobian } = ik;
    const { baseLink, tipLink } = jacobian.chain;
    if (ik.closedForm) {
      let best = UNREACHABLE;
      let bestQ: number[] | null = null;
      for (const b of ik.branches(target, this.seed)) {
        if (!b.withinLimits) continue;
        fk.compute(b.q).relativePose(baseLink, tipLink, this.reached);
        if (Math.hypot(this.reached[12]! - x, this.reached[13]! - y, this.reached[14]! - this.grid.height) > 1e-4) continue;
        jacobian.update();
        const w = jacobian.manipulability();
        if (w > best) {
          best = w;
          bestQ = b.q;
        }
      }
      if (bestQ) this.seed = bestQ;
      return best;
    }
    const r = ik.solve(target, this.seed, { restarts: 3, candidates: 1, maxIterations: 60, positionTolerance: 1e-6, orientationTolerance: 1e-5 });
    if (!r.converged) return UNREACHABLE;
    this.seed = r.q;
    jacobian.compute(r.q);
    return jacobian.manipulability();
  }

  /** Fills `out[row · cells + column]` for every column of `row`, scanning in a serpentine. */
  mapRow(row: number, out: Float32Array): void {
    const n = this.grid.cells;
    for (let k = 0; k < n; k++) {
      const column = row % 2 === 0 ? k : n - 1 - k;
      const [x, y] = gridCellCentre(this.grid, column, row);
      out[row * n + column] = this.valueAt(x, y);
    }
  }

  /** The whole map at once (for Node and tests; the worker goes row by row). */
  map(): Float32Array {
    const out = new Float32Array(this.grid.cells * this.grid.cells);
    for (let row = 0; row < this.grid.cells; row++) this.mapRow(row, out);
    return out;
  }
}
