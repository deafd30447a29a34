/**
 * Calibration from measured times: a robot's speed and acceleration scales fitted so that the
 * simulated times of its program match what the real robot took.
 *
 * Input: a CSV with a header naming what each row measured —
 *   `step,seconds`  one row per program step (`step` = the step's index j in
 *                   programs[i].steps[j]; a step may be measured several times), or
 *   `cycle,seconds` one row per measured loop (the first column is a free label).
 * Blank lines and lines starting with `#` are skipped.
 *
 * Fit: least squares on the relative errors (simulated − measured) / measured, over the log of the
 * two scales, by damped Gauss–Newton (Levenberg–Marquardt) with a numerical Jacobian — a handful
 * of program timings, each of which re-plans every move. Whole-cycle rows cannot tell speed from
 * acceleration (one number, two unknowns), so with cycle rows only the speed scale stays at its
 * start and the acceleration scale is fitted; the same happens with step rows whose moves never
 * reach their speed limits (the speed scale then changes nothing, and it is left alone).
 */
import type { MotionOverride } from './motion-data';

/** One measured row of the CSV. */
export interface MeasuredRow {
  /** Line in the file (1-based), for messages. */
  line: number;
  /** The program step it measured, or null for a whole cycle. */
  step: number | null;
  /** The row's label (the step index or the cycle's label). */
  label: string;
  seconds: number;
}

/** A CSV problem, with its line. */
export class MeasuredCsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses the measured-times CSV (see the module comment); `steps` is the program's step count. */
export function parseMeasuredCsv(text: string, steps: number): MeasuredRow[] {
  const lines = text.split(/\r?\n/).map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text !== '' && !l.text.startsWith('#'));
  const head = lines.shift();
  if (!head) throw new MeasuredCsvError(1, 'empty file: expected a header "step,seconds" or "cycle,seconds"');
  const columns = head.text.split(/[,;\t]/).map((c) => c.trim().toLowerCase());
  const kind = columns[0];
  if ((kind !== 'step' && kind !== 'cycle') || columns[1] !== 'seconds') {
    throw new MeasuredCsvError(head.line, `expected a header "step,seconds" or "cycle,seconds", got "${head.text}"`);
  }
  const rows = lines.map(({ text: row, line }): MeasuredRow => {
    const [label = '', value = ''] = row.split(/[,;\t]/).map((c) => c.trim());
    const seconds = Number(value);
    if (value === '' || !(seconds >= 0 && Number.isFinite(seconds))) throw new MeasuredCsvError(line, `seconds must be a number ≥ 0, got "${value}"`);
    if (kind === 'cycle') return { line, step: null, label, seconds };
    const step = Number(label);
    if (!Number.isInteger(step) || step < 0 || step >= steps) throw new MeasuredCsvError(line, `step must be a step index 0…${steps - 1} of the program, got "${label}"`);
    return { line, step, label, seconds };
  });
  if (rows.length === 0) throw new MeasuredCsvError(head.line, 'no measured rows after the header');
  return rows;
}

/** Simulated seconds per step (null: cannot be planned) and per cycle, for given scales. */
export type TimingFunction = (scales: MotionOverride) => { steps: readonly (number | null)[]; cycle: number };

/** The simulated time of each row for the given timing. */
export function rowTimes(rows: readonly MeasuredRow[], timing: { steps: readonly (number | null)[]; cycle: number }): number[] {
  return rows.map((r) => {
    if (r.step === null) return timing.cycle;
    const t = timing.steps[r.step];
    if (t === null || t === undefined) throw new MeasuredCsvError(r.line, `step ${r.step} cannot be timed (see celltwin plan)`);
    return t;
  });
}

/** A calibration: the scales before and after, and each row's simulated time and relative error. */
export interface CalibrationResult {
  before: MotionOverride;
  after: MotionOverride;
  rows: Array<MeasuredRow & { simulatedBefore: number; simulatedAfter: number; errorBefore: number; errorAfter: number }>;
  /** Root mean square of the relative errors, before and after. */
  rmsBefore: number;
  rmsAfter: number;
  /** Which scales the data could fix. */
  fitted: { speed: boolean; acceleration: boolean };
  iterations: number;
}

/** Smallest time (s) a row's error is taken relative to. */
const MIN_DENOMINATOR = 0.01;

const rms = (e: readonly number[]): number => Math.sqrt(e.reduce((s, x) => s + x * x, 0) / e.length);

/** Fits the scales (see the module comment), starting from `start`. */
export function calibrate(rows: readonly MeasuredRow[], timing: TimingFunction, start: MotionOverride = { speedScale: 1, accelerationScale: 1 }): CalibrationResult {
  const measured = rows.map((r) => r.seconds);
  // Relative errors; a step measured at (nearly) 0 s — a signal, a zero wait — is weighed per 10 ms.
  const scale = measured.map((m) => Math.max(m, MIN_DENOMINATOR));
  const errors = (x: readonly [number, number]) => {
    const sim = rowTimes(rows, timing({ speedScale: Math.exp(x[0]), accelerationScale: Math.exp(x[1]) }));
    return { sim, e: sim.map((t, i) => (t - measured[i]!) / scale[i]!) };
  };
  const cost = (e: readonly number[]) => e.reduce((s, v) => s + v * v, 0);
  type Errors = ReturnType<typeof errors>;
  const H = 1e-4;

  /** Damped Gauss–Newton from x0; `withSpeed` false fits the acceleration alone. */
  const solve = (x0: [number, number], at: Errors, withSpeed: boolean) => {
    let x = x0, current = at, lambda = 1e-3, fitSpeed = withSpeed, iterations = 0, converged = false;
    for (; iterations < 30 && !converged; iterations++) {
      const e = current.e;
      // Forward-difference Jacobian in log space.
      const ja = errors([x[0], x[1] + H]).e.map((v, i) => (v - e[i]!) / H);
      const js = fitSpeed ? errors([x[0] + H, x[1]]).e.map((v, i) => (v - e[i]!) / H) : e.map(() => 0);
      const saa = ja.reduce((s, v) => s + v * v, 0), sss = js.reduce((s, v) => s + v * v, 0), sas = ja.reduce((s, v, i) => s + v * js[i]!, 0);
      const ga = ja.reduce((s, v, i) => s + v * e[i]!, 0), gs = js.reduce((s, v, i) => s + v * e[i]!, 0);
      // Speed no longer changes any time (no move reaches its speed limit): leave it be.
      if (fitSpeed && sss < 1e-10 * Math.max(saa, 1e-12)) fitSpeed = false;
      let accepted = false;
      for (let tries = 0; tries < 12 && !accepted; tries++) {
        let da: number, ds: number;
        const a11 = saa * (1 + lambda) + 1e-15, a22 = sss * (1 + lambda) + 1e-15;
        if (fitSpeed) {
          const det = a11 * a22 - sas * sas;
          da = (-ga * a22 + gs * sas) / det;
          ds = (-gs * a11 + ga * sas) / det;
        } else {
          da = -ga / a11;
          ds = 0;
        }
        const step = Math.max(Math.abs(da), Math.abs(ds));
        if (step > 1) {
          da /= step;
          ds /= step;
        }
        const next: [number, number] = [x[0] + ds, x[1] + da];
        const trial = errors(next);
        if (cost(trial.e) <= cost(e)) {
          accepted = true;
          x = next;
          current = trial;
          lambda = Math.max(lambda / 10, 1e-9);
          converged = Math.max(Math.abs(da), Math.abs(ds)) < 1e-7;
        } else lambda *= 10;
      }
      if (!accepted) break;
    }
    return { x, current, fitSpeed, iterations };
  };

  const x0: [number, number] = [Math.log(start.speedScale), Math.log(start.accelerationScale)];
  const first = errors(x0);
  let best = solve(x0, first, rows.some((r) => r.step !== null));
  if (!best.fitSpeed && best.x[0] !== x0[0]) {
    // The speed moved before it stopped mattering: any speed above what the moves reach fits as
    // well, so keep the one the robot had and fit the acceleration alone from there.
    const again = solve([x0[0], best.x[1]], errors([x0[0], best.x[1]]), false);
    if (cost(again.current.e) <= cost(best.current.e) * (1 + 1e-6) + 1e-12) best = { ...again, iterations: best.iterations + again.iterations };
  }
  const { x, current, fitSpeed, iterations } = best;
  const after = { speedScale: Math.exp(x[0]), accelerationScale: Math.exp(x[1]) };
  return {
    before: { ...start },
    after,
    rows: rows.map((r, i) => ({
      ...r,
      simulatedBefore: first.sim[i]!,
      simulatedAfter: current.sim[i]!,
      errorBefore: first.e[i]!,
      errorAfter: current.e[i]!,
    })),
    rmsBefore: rms(first.e),
    rmsAfter: rms(current.e),
    fitted: { speed: fitSpeed, acceleration: true },
    iterations,
  };
}
