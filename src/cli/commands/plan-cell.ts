/**
 * `celltwin plan CELL.cell.json --robot ID [--json]`: each step of the robot's program with its
 * duration and the loop's sum, without running the cell (sim/program/plan-timing.ts) — the cycle
 * the robot has when it never waits, equal to `celltwin run`'s steady-state cycle of such a robot.
 */
import type { Cell, RobotItem } from '../../model/cell';
import { CellContentError } from '../../sim/errors';
import { programTiming, type ProgramTiming, type TimingRobots } from '../../sim/program/plan-timing';
import type { MotionOverride } from '../../motion/motion-data';
import type { CommandIO } from '../command';
import { InputError } from '../errors';
import { readCheckedCellText } from '../simulate';
import { loadSimulationRobots } from './run';

/** Reads and checks a cell file; prints its problems and returns 2 when it is invalid. */
export const readCellArg = readCheckedCellText;

/** The arm and tool descriptions of robot item `robot` (bundled files or embedded URDF). */
export async function timingRobots(file: string, cell: Cell, robot: string | undefined): Promise<{ item: RobotItem; robots: TimingRobots }> {
  const items = cell.items.filter((i): i is RobotItem => i.type === 'robot');
  if (robot === undefined) throw new InputError(file, `--robot is required: one of ${items.map((i) => i.id).join(', ') || '(the cell has no robots)'}`);
  const item = items.find((i) => i.id === robot);
  if (!item) throw new InputError(file, `no robot "${robot}" in the cell (robots: ${items.map((i) => i.id).join(', ') || 'none'})`);
  if (!cell.programs.some((p) => p.robot === robot)) throw new InputError(file, `robot "${robot}" has no program`);
  const loaded = await loadSimulationRobots({ ...cell, items: [item] });
  return { item, robots: { arm: loaded.robots.get(item.id)!, tool: item.tool ? (loaded.tools?.get(item.tool.id) ?? null) : null } };
}

/** The timing of `robot`'s program; bad content becomes an InputError naming the file. */
export function timeProgram(file: string, cell: Cell, robot: string, robots: TimingRobots, override?: MotionOverride): ProgramTiming {
  try {
    const timing = programTiming(cell, robot, robots, override);
    if (!timing) throw new InputError(file, `robot "${robot}" has no program`);
    return timing;
  } catch (e) {
    if (e instanceof CellContentError) throw new InputError(file, e.message);
    throw e;
  }
}

const MOTION_SOURCE_TEXT = {
  'vendor-fitted': 'vendor-fitted (urdf/library.json)',
  calibrated: 'calibrated from measured times (the cell)',
  assumed: 'assumed (documented default, urdf/library.json)',
} as const;

/** The text `celltwin plan CELL --robot ID` prints. */
export function timingText(file: string, t: ProgramTiming): string {
  const width = Math.max(4, ...t.steps.map((s) => s.path.length));
  const rows = t.steps.map((s) => {
    const what = `${s.type}${s.target ? ` ${s.target}` : ''}`;
    const time = s.seconds === null ? '        —' : `${s.seconds.toFixed(4).padStart(8)} s`;
    const notes = [s.loaded && (s.type === 'moveJ' || s.type === 'moveL') ? 'loaded' : '', s.mayWait ? 'may wait (not counted)' : '', s.problem ?? ''].filter(Boolean).join('; ');
    return `  ${s.path.padEnd(width)}  ${what.padEnd(24)} ${time}${notes ? `  ${notes}` : ''}`;
  });
  return [
    `${t.robot}, program ${t.program} (${file})${t.loop ? '' : ', runs once'}`,
    ...rows,
    `  ${'cycle (no waiting)'.padEnd(width + 26)} ${t.cycle.toFixed(4).padStart(8)} s`,
    `motion data: ${MOTION_SOURCE_TEXT[t.motionSource]}; carried ${t.load.empty.toFixed(2)} kg, ${t.load.loaded.toFixed(2)} kg with a part`,
  ].join('\n');
}

/** Runs `celltwin plan CELL --robot ID`. */
export async function planCell(file: string, robot: string | undefined, json: boolean, io: CommandIO): Promise<number> {
  const read = await readCellArg(file, io);
  if (typeof read === 'number') return read;
  const { robots } = await timingRobots(file, read.cell, robot);
  const timing = timeProgram(file, read.cell, robot!, robots);
  io.out(json ? JSON.stringify({ file, ...timing }, null, 2) : timingText(file, timing));
  return 0;
}
