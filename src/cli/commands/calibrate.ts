/**
 * `celltwin calibrate CELL.json --robot ID --measured FILE.csv [--out FILE] [--json]`: fits the
 * robot's speed and acceleration scales to measured step or cycle times (motion/calibration.ts),
 * prints each row's simulated time and error before and after, and writes the scales into the
 * cell as the robot's motion override (`items[i].motion`), into CELL itself or into `--out`.
 * Simulated times are `celltwin plan`'s (sim/program/plan-timing.ts): the no-wait times.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Cell } from '../../model/cell';
import { CURRENT_SCHEMA_VERSION } from '../../model/cell-schema';
import { calibrate, MeasuredCsvError, parseMeasuredCsv, type CalibrationResult, type TimingFunction } from '../../motion/calibration';
import { readArgs } from '../args';
import type { Command } from '../command';
import { InputError } from '../errors';
import { readCellArg, timeProgram, timingRobots } from './plan-cell';

const rmsPct = (e: number): string => `${(e * 100).toFixed(2)} %`;
const pct = (e: number): string => `${e >= 0 ? '+' : ''}${(e * 100).toFixed(2)} %`;

/** The text the command prints. */
export function calibrationText(robot: string, r: CalibrationResult, written: string): string {
  const rows = r.rows.map(
    (row) =>
      `  ${(row.step === null ? `cycle ${row.label}` : `step ${row.label}`).padEnd(14)} ${row.seconds.toFixed(4).padStart(8)} s ` +
      `${row.simulatedBefore.toFixed(4).padStart(8)} s ${pct(row.errorBefore).padStart(10)} ${row.simulatedAfter.toFixed(4).padStart(8)} s ${pct(row.errorAfter).padStart(10)}`,
  );
  const kept = r.fitted.speed ? '' : ' (kept: the rows cannot tell speed from acceleration)';
  return [
    `${robot}: calibrated from ${r.rows.length} measured rows`,
    `  ${'row'.padEnd(14)} ${'measured'.padStart(10)} ${'before'.padStart(10)} ${'error'.padStart(10)} ${'after'.padStart(10)} ${'error'.padStart(10)}`,
    ...rows,
    `  rms error ${rmsPct(r.rmsBefore)} → ${rmsPct(r.rmsAfter)}`,
    `speed scale ${r.before.speedScale.toFixed(4)} → ${r.after.speedScale.toFixed(4)}${kept}`,
    `acceleration scale ${r.before.accelerationScale.toFixed(4)} → ${r.after.accelerationScale.toFixed(4)}`,
    `wrote the motion override of ${robot} into ${written}`,
  ].join('\n');
}

/** `celltwin calibrate`: fit motion scales to measured times and store them in the cell. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: "fit a robot's speed and acceleration scales to measured step or cycle times; store them in the cell",
  usage:
    'celltwin calibrate CELL.json --robot ID --measured FILE.csv [--out FILE] [--json]\n' +
    '  --measured  CSV with a header "step,seconds" (step = index in the program\'s steps, 0-based)\n' +
    '              or "cycle,seconds" (one row per measured loop); # comments allowed\n' +
    '  --out       write the calibrated cell here (default: CELL itself)\n' +
    '  --json      print the fit as JSON\n' +
    'Simulated times are celltwin plan\'s (no waiting). Cycle rows alone fit the acceleration scale only.',
  async run(argv, io) {
    const { values, positionals } = readArgs('calibrate', argv, {
      robot: { type: 'string' },
      measured: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    const file = positionals[0];
    if (file === undefined) throw new InputError('calibrate', 'expected a cell file: celltwin calibrate CELL.json --robot ID --measured FILE.csv');
    const csvFile = values.measured;
    if (csvFile === undefined) throw new InputError(file, '--measured FILE.csv is required');
    const read = await readCellArg(file, io);
    if (typeof read === 'number') return read;
    const { cell, text } = read;
    const { item, robots } = await timingRobots(file, cell, values.robot);
    const program = cell.programs.find((p) => p.robot === item.id)!;
    let csv: string;
    try {
      csv = await readFile(resolve(io.cwd, csvFile), 'utf8');
    } catch (e) {
      throw new InputError(csvFile, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const timing: TimingFunction = (scales) => {
      const t = timeProgram(file, cell, item.id, robots, scales);
      const steps = new Array<number | null>(program.steps.length).fill(null);
      for (const s of t.steps) steps[s.index] = s.seconds;
      return { steps, cycle: t.cycle };
    };
    let result: CalibrationResult;
    try {
      const rows = parseMeasuredCsv(csv, program.steps.length);
      result = calibrate(rows, timing, item.motion ? { speedScale: item.motion.speedScale, accelerationScale: item.motion.accelerationScale } : undefined);
    } catch (e) {
      if (e instanceof MeasuredCsvError) throw new InputError(csvFile, e.message, e.line);
      throw e;
    }
    const rowsKind = result.rows.some((r) => r.step === null) ? 'cycle' : 'step';
    const motion = {
      speedScale: Number(result.after.speedScale.toFixed(6)),
      accelerationScale: Number(result.after.accelerationScale.toFixed(6)),
      calibratedFrom: `${basename(csvFile)}: ${result.rows.length} ${rowsKind} rows, rms error ${rmsPct(result.rmsBefore)} → ${rmsPct(result.rmsAfter)}`,
    };
    // Keep the file as the user wrote it when it is current; an older file is written migrated.
    const raw = JSON.parse(text) as { schemaVersion?: unknown; items: Array<Record<string, unknown>> };
    const doc: { items: Array<Record<string, unknown>> } = raw.schemaVersion === CURRENT_SCHEMA_VERSION ? raw : (structuredClone(cell) as Cell as unknown as typeof raw);
    const target = doc.items.find((i) => i['id'] === item.id && i['type'] === 'robot')!;
    target['motion'] = motion;
    const out = values.out ?? file;
    try {
      await writeFile(resolve(io.cwd, out), `${JSON.stringify(doc, null, 2)}\n`);
    } catch (e) {
      throw new InputError(out, `cannot write the cell file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    io.out(values.json ? JSON.stringify({ file, robot: item.id, written: out, motion, ...result }, null, 2) : calibrationText(item.id, result, out));
    return 0;
  },
};
