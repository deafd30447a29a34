/**
 * Robot density at plant level: the plant's robots and headcount today, plus N copies of this
 * cell (and of other cell designs), each taking over a stated number of manual workers per shift.
 *
 * Per shift, one copy of a cell adds its robots and changes the headcount by
 * (its own operators − the workers it takes over). Then
 *
 *   employees = workers per shift × shifts      (a robot works every shift; people do not)
 *   density   = robots / employees × 10,000     (IFR-equivalent, robots per 10,000 employees)
 *
 * and the copies of this cell needed to reach the Shanghai plan's 500 solve
 * (R + n·r) / ((W − n·d) · s) ≥ 500 / 10,000 for the least whole n, where R and W are the
 * plant's robots and headcount with the other cells, r this cell's robots and d its net
 * reduction of headcount per copy.
 */
import type { Plant } from '../../model/plant-schema';
import { DENSITY_REFERENCES } from './floor';

/** A cell design as it enters the roll-up. */
export interface PlantContribution {
  name: string;
  copies: number;
  /** Robots in one copy. */
  robots: number;
  /** Operators one copy needs per shift. */
  workersPerShift: number;
  /** Manual workers per shift one copy takes over. */
  workersReplaced: number;
}

/** Robots, headcount and density at one point (today, or with the cells). */
export interface PlantState {
  robots: number;
  workersPerShift: number;
  /** workersPerShift × shifts. */
  employees: number;
  /** Robots per 10,000 employees; null when no one is left. */
  density: number | null;
}

/** The plant roll-up (what the page shows and `celltwin run --json` prints as `plantDensity`). */
export interface PlantDensity {
  plant: string;
  shifts: number;
  today: PlantState;
  withCells: PlantState;
  /** This cell first, then the other designs, as entered. */
  cells: PlantContribution[];
  /** The density aimed at: the Shanghai plan's 500. */
  target: number;
  /** True when the plant with the cells reaches the target. */
  reachesTarget: boolean;
  /**
   * Copies of this cell (with the other designs as entered) that reach the target: 0 when the
   * plant is there already; null when no number of copies gets there (a cell with no robots).
   */
  copiesForTarget: number | null;
  references: typeof DENSITY_REFERENCES;
}

/** This cell's own figures: robots in it and operators it needs per shift. */
export interface CellFigures {
  name: string;
  robots: number;
  workersPerShift: number;
}

function state(robots: number, workersPerShift: number, shifts: number): PlantState {
  const employees = workersPerShift * shifts;
  return { robots, workersPerShift, employees, density: employees > 0 ? (robots / employees) * 10_000 : null };
}

/** Robots and headcount per shift with `extra` copies of `cell` on top of `base`. */
function add(base: { robots: number; workers: number }, cell: PlantContribution, copies: number): { robots: number; workers: number } {
  return { robots: base.robots + copies * cell.robots, workers: base.workers + copies * (cell.workersPerShift - cell.workersReplaced) };
}

const reaches = (s: PlantState, target: number): boolean => s.density !== null && s.density >= target - 1e-9;

/** The least copies of `cell` on top of `base` that reach `target`, or null (see the module comment). */
function copiesFor(base: { robots: number; workers: number }, cell: PlantContribution, shifts: number, target: number): number | null {
  const at = (n: number) => {
    const p = add(base, cell, n);
    return state(p.robots, p.workers, shifts);
  };
  if (reaches(at(0), target)) return 0;
  const k = target / 10_000;
  const netReduction = cell.workersReplaced - cell.workersPerShift;
  // Each copy gains r − k·s·(−d) against the target line; nothing gains, nothing reaches it.
  const gain = cell.robots + k * shifts * netReduction;
  if (gain <= 0) return null;
  let n = Math.max(0, Math.ceil((k * shifts * base.workers - base.robots) / gain - 1e-9));
  // Rounding at the boundary: settle on the least n that truly reaches it.
  while (n > 0 && reaches(at(n - 1), target)) n--;
  for (let guard = 0; !reaches(at(n), target); guard++) {
    // Only a plant with no robots at all runs out of people before it gets there.
    if (at(n).workersPerShift <= 0 || guard > 1000) return null;
    n++;
  }
  return n;
}

/**
 * The plant roll-up of `plant` with `cell` as "this cell" (see the module comment). Pure; the
 * numbers are not rounded.
 */
export function plantDensity(plant: Plant, cell: CellFigures, target: number = DENSITY_REFERENCES.shanghaiTarget): PlantDensity {
  const shifts = plant.shifts ?? 1;
  const self: PlantContribution = { name: cell.name, copies: plant.thisCell.copies, robots: cell.robots, workersPerShift: cell.workersPerShift, workersReplaced: plant.thisCell.workersReplaced };
  const others: PlantContribution[] = (plant.otherCells ?? []).map((c) => ({ ...c }));
  const today = { robots: plant.robots, workers: plant.workersPerShift };
  const withOthers = others.reduce((acc, c) => add(acc, c, c.copies), today);
  const all = add(withOthers, self, self.copies);
  const withCells = state(all.robots, all.workers, shifts);
  return {
    plant: plant.name ?? 'plant',
    shifts,
    today: state(today.robots, today.workers, shifts),
    withCells,
    cells: [self, ...others],
    target,
    reachesTarget: reaches(withCells, target),
    copiesForTarget: copiesFor(withOthers, self, shifts, target),
    references: DENSITY_REFERENCES,
  };
}

/**
 * `kpis` with `plantDensity` right after `density` when the cell file has a plant section (what
 * `celltwin run --json` prints); `kpis` itself otherwise.
 */
export function withPlantDensity<K extends { density: { robots: number; workers: number } }>(kpis: K, cell: { name: string; plant?: Plant | undefined }): K & { plantDensity?: PlantDensity } {
  if (!cell.plant) return kpis;
  const roll = plantDensity(cell.plant, { name: cell.name, robots: kpis.density.robots, workersPerShift: kpis.density.workers });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kpis)) {
    out[key] = value;
    if (key === 'density') out['plantDensity'] = roll;
  }
  return out as K & { plantDensity?: PlantDensity };
}
