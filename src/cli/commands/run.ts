import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UrdfError } from '../../io/urdf/errors';
import { parseUrdf } from '../../io/urdf/parse-urdf';
import type { Cell } from '../../model/cell';
import { MAX_SECONDS } from '../../model/input-limits';
import { libraryFileFor } from '../../model/robot-library';
import type { RobotDescription } from '../../model/robot-description';
import type { SimulationRobots } from '../../sim/cell-model';
import { kpisText, kpisToCsv, roundDeep, type CellKpis } from '../../sim/kpi';
import { collisionStepsText } from '../../sim/kpi/collision-steps';
import type { CellRun, RunFacts } from '../../experiments/run-cell';
import { readArgs } from '../args';
import type { Command, CommandIO } from '../command';
import { InputError } from '../errors';
import { repoPath } from '../repo-root';
import { readCheckedCell, simulateCell, type SimulatedRun } from '../simulate';
import { replicate, replicationText } from '../replications';

/** The bundled robot library's folder (`urdf/` at the repository root). */
export const BUNDLED_URDF_DIR = repoPath('urdf');

/**
 * Reads the robot descriptions a cell needs in Node: bundled robots and tools from `urdfDir`,
 * embedded robots from the URDF text inside the cell. Throws InputError naming the file.
 */
export async function loadSimulationRobots(cell: Cell, urdfDir = BUNDLED_URDF_DIR): Promise<SimulationRobots & { warnings: string[] }> {
  const warnings: string[] = [];
  const bundled = new Map<string, RobotDescription>();
  const readBundled = async (id: string): Promise<RobotDescription> => {
    const known = bundled.get(id);
    if (known) return known;
    const file = libraryFileFor(id);
    if (file === null) throw new InputError(id, 'not in the bundled library');
    const parsed = parseUrdf(await readFile(join(urdfDir, file), 'utf8'), file);
    warnings.push(...parsed.warnings.map((w) => `${file}: ${w}`));
    bundled.set(id, parsed.robot);
    return parsed.robot;
  };
  const robots = new Map<string, RobotDescription>();
  const tools = new Map<string, RobotDescription>();
  try {
    for (const item of cell.items) {
      if (item.type !== 'robot') continue;
      if (item.source.type === 'bundled') robots.set(item.id, await readBundled(item.source.id));
      else {
        const parsed = parseUrdf(item.source.urdf, item.source.fileName);
        warnings.push(...parsed.warnings.map((w) => `${item.id}: ${w}`));
        robots.set(item.id, parsed.robot);
      }
      if (item.tool) tools.set(item.tool.id, await readBundled(item.tool.id));
    }
  } catch (e) {
    if (e instanceof UrdfError) throw new InputError(e.file, e.message, e.line);
    throw e;
  }
  return { robots, tools, warnings };
}

export type { RunFacts } from '../../experiments/run-cell';

/**
 * What `celltwin run --json` prints: the KPI object (sim/kpi/compute.ts) with the run's facts,
 * every number rounded to 1e-6 (µs for times). `collisions` lists the first 20, `collisionCount`
 * counts them all.
 */
export type RunReport = Omit<CellKpis, 'collisions'> & RunFacts;

/** A simulated cell file: its facts and its KPIs at full precision (experiments/run-cell.ts). */
export type { CellRun } from '../../experiments/run-cell';

/** Options shared by `run` and `compare`. */
export interface CellRunOptions {
  until?: number;
  seed?: number;
  warmupCycles: number;
  /** `events` or `physics` (`--engine`); absent: the cell's `simulation.engine`, else events. */
  engine?: string;
}

/** Reads, checks and simulates `file`; returns exit code 2 after printing what is wrong with it. */
export async function runCellFile(file: string, io: CommandIO, options: CellRunOptions & { timeline?: boolean }): Promise<SimulatedRun | number> {
  const cell = await readCheckedCell(file, io);
  if (typeof cell === 'number') return cell;
  // One run path for every command and worker: src/cli/simulate.ts.
  return simulateCell(cell, file, options);
}

/**
 * The `--json` object of a run: the run's facts (cell, seed, dt, time, steps) first, then the
 * KPIs rounded to 1e-6, then collisions, parts and the state hash. The facts are not rounded
 * (dt stays exact; times in them are already µs).
 */
export function runReport({ facts, kpis }: CellRun): RunReport {
  const { collisions: _all, collisionCount: _count, cell: _cell, simulatedSeconds: _t, ...rest } = kpis;
  const { parts, sensors, faults, picks, missedPicks, releases, warnings, stateHash, collisionCount, collisions, ...head } = facts;
  return { ...head, ...roundDeep(rest), collisionCount, collisions, faults, parts, sensors, picks, missedPicks, releases, warnings, stateHash };
}

/** Reads the options `run` and `compare` share; throws InputError for bad values. */
export function readRunOptions(values: { until?: string | undefined; seed?: string | undefined; warmup?: string | undefined; engine?: string | undefined }): CellRunOptions {
  if (values.engine !== undefined && values.engine !== 'events' && values.engine !== 'physics') throw new InputError('--engine', `expected events or physics, got "${values.engine}"`);
  const until = values.until === undefined ? undefined : Number(values.until);
  if (until !== undefined && !(Number.isFinite(until) && until >= 0 && until <= MAX_SECONDS)) {
    throw new InputError('--until', `expected seconds from 0 to ${MAX_SECONDS} (a week), got "${values.until}"`);
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new InputError('--seed', `expected an integer, got "${values.seed}"`);
  const warmup = values.warmup === undefined ? 2 : Number(values.warmup);
  if (!(Number.isInteger(warmup) && warmup >= 0)) throw new InputError('--warmup', `expected a whole number of cycles ≥ 0, got "${values.warmup}"`);
  return { warmupCycles: warmup, ...(until === undefined ? {} : { until }), ...(seed === undefined ? {} : { seed }), ...(values.engine === undefined ? {} : { engine: values.engine }) };
}

/** The options `run` and `compare` share, for readArgs. */
export const RUN_OPTIONS = { until: { type: 'string' }, seed: { type: 'string' }, warmup: { type: 'string' }, json: { type: 'boolean' }, engine: { type: 'string' } } as const;

/** `celltwin run CELL.json`: simulates headless and prints what happened and the KPIs. */
export const runCommand: Command = {
  name: 'run',
  summary: 'simulate a cell headless: KPIs (cycle time, UPH, utilization, bottleneck, density), collisions, parts',
  usage:
    'celltwin run CELL.json [--until SECONDS] [--seed N] [--warmup N] [--engine events|physics] [--json] [--csv FILE]\n' +
    '  --until   simulated seconds (default: the cell\'s simulation.duration)\n' +
    '  --seed    random seed (default: the cell\'s simulation.seed)\n' +
    '  --warmup  robot loops and finished parts left out at the start (default 2)\n' +
    '  --engine  events (next-event, default) or physics (fixed-step Rapier, the reference);\n' +
    '            default: the cell\'s simulation.engine, else events\n' +
    '  --json    print the full KPI object as JSON\n' +
    '  --csv     also write the KPIs to FILE as CSV (one row for the cell, one per resource)\n' +
    '  --timeline FILE  also write every interval, zone hold and part route to FILE as JSON\n' +
    '  --replications N  run seeds S0 … S0+N−1 (S0: --seed or the cell\'s) on a pool of worker threads;\n' +
    '            print each KPI as mean, sd and 95 % half-width (Student t)\n' +
    'Same file and seed give byte-identical output.',
  async run(argv, io) {
    const { values, positionals } = readArgs('run', argv, { ...RUN_OPTIONS, csv: { type: 'string' }, timeline: { type: 'string' }, replications: { type: 'string' } });
    const file = positionals[0];
    if (file === undefined) throw new InputError('run', 'expected a cell file: celltwin run CELL.json');
    const options = readRunOptions(values);
    if (values.replications !== undefined) return runReplications(file, io, options, values);
    const result = await runCellFile(file, io, { ...options, timeline: values.timeline !== undefined });
    if (typeof result === 'number') return result;
    if (values.timeline !== undefined && result.timeline) await writeOut(values.timeline, io, JSON.stringify(result.timeline), 'timeline');
    if (values.csv !== undefined) {
      try {
        await writeFile(resolve(io.cwd, values.csv), kpisToCsv(result.kpis));
      } catch (e) {
        throw new InputError(values.csv, `cannot write the CSV file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
    if (values.json) io.out(JSON.stringify(runReport(result), null, 2));
    else io.out(`${humanReport(file, result.facts)}\n${kpisText(result.kpis)}`);
    return 0;
  },
};

/** Writes `text` to `file` (relative to the working folder); a failure names the file. */
async function writeOut(file: string, io: CommandIO, text: string, what: string): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), text);
  } catch (e) {
    throw new InputError(file, `cannot write the ${what} file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** `--replications N`: the seeds on the local pool, each KPI as mean, sd and 95 % half-width. */
async function runReplications(file: string, io: CommandIO, options: CellRunOptions, values: { replications?: string | undefined; timeline?: string | undefined; csv?: string | undefined; json?: boolean | undefined }): Promise<number> {
  const n = Number(values.replications);
  if (!(Number.isInteger(n) && n >= 1)) throw new InputError('--replications', `expected a whole number ≥ 1, got "${values.replications}"`);
  if (values.timeline !== undefined || values.csv !== undefined) throw new InputError('--replications', 'write --timeline and --csv from single runs (one seed), not with --replications');
  const cell = await readCheckedCell(file, io);
  if (typeof cell === 'number') return cell;
  const report = await replicate(cell, file, { ...options, replications: n, until: options.until ?? cell.simulation.duration });
  io.out(values.json ? JSON.stringify(report, null, 2) : replicationText(report, file));
  return 0;
}

function humanReport(file: string, r: RunFacts): string {
  const lines = [
    `${r.cell} (${file}), seed ${r.seed}`,
    `simulated ${r.simulatedSeconds} s in ${r.steps} steps`,
    `collisions: ${r.collisionCount}`,
    ...r.collisions.map((c) => `  ${c.time.toFixed(6)} s  ${c.a} ↔ ${c.b}${collisionStepsText(c)}`),
    ...r.faults.map((f) => `program fault: ${f.robot} at ${f.time.toFixed(3)} s, ${f.step}: ${f.message}`),
    `parts: ${Object.entries(r.parts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    ...r.sensors.map((s) => `sensor ${s.conveyor}: ${s.count} parts`),
    `picks: ${r.picks} (${r.missedPicks} missed), releases: ${r.releases}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    `state hash: ${r.stateHash}`,
  ];
  return lines.join('\n');
}
