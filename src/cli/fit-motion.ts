/**
 * `npm run fit-motion [-- --write]`: fits every bundled robot with a published standard cycle
 * (src/motion/fit.ts), prints published vs simulated, and with `--write` stores the fitted ramp
 * time and accelerations in urdf/library.json (only those two lines of each fitted entry change,
 * so the file's hand-kept layout and notes stay), and regenerates the table of docs/FIDELITY.md.
 * Robots without a published cycle are listed with their simulated cycle on the documented default.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUrdf } from '../io/urdf/parse-urdf';
import { libraryRobots, type RobotLibraryEntry } from '../model/robot-library';
import { fitMotion, type MotionFit } from '../motion/fit';
import { fidelityTable, replaceTable, type FidelityRow } from '../motion/fidelity-table';
import { standardCycleSeconds } from '../motion/standard-cycle';
import { BUNDLED_URDF_DIR } from './commands/run';

const LIBRARY_FILE = join(BUNDLED_URDF_DIR, 'library.json');
const FIDELITY_DOC = join(BUNDLED_URDF_DIR, '../docs/FIDELITY.md');

/** The rows of the fidelity table for the library as it is stored (bundled URDFs read from urdf/). */
export function fidelityRows(): FidelityRow[] {
  return libraryRobots().map((entry) => {
    const robot = parseUrdf(readFileSync(join(BUNDLED_URDF_DIR, entry.file), 'utf8'), entry.file).robot;
    return { entry, simulated: standardCycleSeconds(robot, entry) };
  });
}

/** One-line JSON with a space after each colon and comma, as library.json is written. */
const spaced = (value: unknown): string => JSON.stringify(value).replace(/":/g, '": ').replace(/,"/g, ', "');

/** The library text with `fit` written into `entry`'s block: jointAccelerations and fitted. */
export function writeFit(text: string, entry: RobotLibraryEntry, fit: MotionFit): string {
  const start = text.indexOf(`"id": "${entry.id}"`);
  const end = text.indexOf('\n    }', start);
  if (start < 0 || end < 0) throw new Error(`library.json: no entry "${entry.id}"`);
  let block = text.slice(start, end);
  block = block.replace(/"jointAccelerations": \[[^\]]*\]/, `"jointAccelerations": [${fit.jointAccelerations.join(', ')}]`);
  const fitted = spaced({
    rampTime: fit.rampTime,
    figure: `standard cycle ${fit.published} s (performance.standardCycle), fitted by npm run fit-motion`,
    simulatedCycle: Number(fit.simulatedCycle.toFixed(4)),
  });
  if (/"fitted": \{[^}]*\}/.test(block)) block = block.replace(/"fitted": \{[^}]*\}/, `"fitted": ${fitted}`);
  else block = block.replace(/("performance": .*,\n)/, `$1      "fitted": ${fitted},\n`);
  return text.slice(0, start) + block + text.slice(end);
}

function main(): void {
  const write = process.argv.includes('--write');
  let text = readFileSync(LIBRARY_FILE, 'utf8');
  for (const entry of libraryRobots()) {
    const robot = parseUrdf(readFileSync(join(BUNDLED_URDF_DIR, entry.file), 'utf8'), entry.file).robot;
    const fit = fitMotion(robot, entry);
    if (!fit) {
      console.log(`${entry.id.padEnd(20)} no published cycle; simulated ${standardCycleSeconds(robot, entry).toFixed(3)} s on the documented default`);
      continue;
    }
    console.log(`${entry.id.padEnd(20)} published ${fit.published} s, simulated ${fit.simulatedCycle.toFixed(4)} s with a ${fit.rampTime} s ramp`);
    text = writeFit(text, entry, fit);
  }
  if (write) {
    writeFileSync(LIBRARY_FILE, text);
    console.log(`wrote ${LIBRARY_FILE}`);
    // The table reads the library as stored: run again after a change of fit to refresh it.
    writeFileSync(FIDELITY_DOC, replaceTable(readFileSync(FIDELITY_DOC, 'utf8'), fidelityTable(fidelityRows())));
    console.log(`wrote ${FIDELITY_DOC}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) main();
