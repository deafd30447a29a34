/**
 * The table of docs/FIDELITY.md: per bundled robot, the published standard cycle next to the
 * simulated one, and the motion data behind it. `npm run fit-motion -- --write` regenerates it
 * between its markers; tests/unit/fidelity-doc.test.ts regenerates it and compares.
 */
import type { RobotLibraryEntry } from '../model/robot-library';
import { PAYLOAD_FLOOR, PAYLOAD_SLOPE } from './payload';
import { cycleSpec } from './standard-cycle';

/** Markers around the generated table in docs/FIDELITY.md. */
export const TABLE_BEGIN = '<!-- fidelity-table:begin (npm run fit-motion -- --write) -->';
export const TABLE_END = '<!-- fidelity-table:end -->';

/** One robot's row: its entry and its simulated standard cycle (s). */
export interface FidelityRow {
  entry: RobotLibraryEntry;
  simulated: number;
}

const tagOf = (source: string): string => /\[(V2?|R|D|M)\]/.exec(source)?.[0] ?? '';

/** The Markdown table (see the module comment). */
export function fidelityTable(rows: readonly FidelityRow[]): string {
  const lines = [
    '| robot | rated payload | published standard cycle | simulated (same payload) | difference | motion data | bare-arm ramp | TCP limits |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const { entry, simulated } of rows) {
    const c = entry.performance.standardCycle;
    const { payload } = cycleSpec(entry);
    const published = c ? `${c.seconds.toFixed(2)} s at ${c.payload} kg ${tagOf(c.source)}` : 'none found';
    // Rounded to 0.1 % first, so a rounding-level −0.0 prints as 0.0.
    const diff = c ? `${(Math.round((simulated / c.seconds - 1) * 1000) / 10 || 0).toFixed(1)} %` : '—';
    const ramp = entry.fitted ? `${(entry.fitted.rampTime * 1000).toFixed(1)} ms (fitted)` : `${((entry.jointSpeeds[0]! / entry.jointAccelerations[0]!) * 1000).toFixed(0)} ms (default)`;
    const tcp = [
      entry.performance.maxTcpSpeed !== undefined ? `${entry.performance.maxTcpSpeed} m/s` : '',
      entry.performance.maxTcpAcceleration !== undefined ? `${entry.performance.maxTcpAcceleration} m/s²` : '',
    ].filter(Boolean).join(', ') || '—';
    lines.push(
      `| ${entry.model} | ${entry.payload} kg | ${published} | ${simulated.toFixed(3)} s at ${payload} kg | ${diff} | ${entry.fitted ? 'vendor-fitted' : 'assumed'} | ${ramp} | ${tcp} |`,
    );
  }
  lines.push('', `Payload model: accelerations × max(${PAYLOAD_FLOOR}, 1 − ${PAYLOAD_SLOPE} · load / rated payload); speeds unchanged.`);
  return lines.join('\n');
}

/** `doc` with the text between the markers replaced by `table`; throws when the markers are missing. */
export function replaceTable(doc: string, table: string): string {
  const a = doc.indexOf(TABLE_BEGIN), b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('docs/FIDELITY.md: the fidelity-table markers are missing');
  return `${doc.slice(0, a + TABLE_BEGIN.length)}\n${table}\n${doc.slice(b)}`;
}

/** The table between the markers of `doc`, or null. */
export function tableIn(doc: string): string | null {
  const a = doc.indexOf(TABLE_BEGIN), b = doc.indexOf(TABLE_END);
  return a < 0 || b < a ? null : doc.slice(a + TABLE_BEGIN.length, b).trim();
}
