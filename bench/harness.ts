/**
 * Side-by-side ratio benchmarks (docs/ARCHITECTURE.md, "Tests and benchmarks"): each case times our code
 * against a reference doing the same work (usually the raw library), interleaved round by round in
 * the same process, so machine noise hits both alike and the ratio means something where absolute
 * times do not. Speed is measured here, never in timed tests.
 *
 * A case is one file under `bench/cases/` whose default export is {@link defineCase}(…).
 */
import { performance } from 'node:perf_hooks';

/** One unit of work. May return a promise, which is awaited. */
export type Task = () => unknown;

/** Which side of a comparison. */
export type Side = 'ours' | 'reference';

/** The two sides of a comparison, made by a case's `setup`. */
export interface TaskPair {
  ours: Task;
  reference: Task;
  /**
   * Optional: runs `calls` calls of one side elsewhere (a browser page) and returns the elapsed
   * milliseconds measured there. When given, every batch is timed by it instead of by calling
   * `ours`/`reference` here, so the round trip to the page is not counted as work.
   */
  timeBatch?(side: Side, calls: number): Promise<number>;
  /**
   * Optional: units of work in one call of either task (a call that solves 1,000 IK poses has
   * 1000). Times in the row are then per unit. Default 1.
   */
  units?: number;
  /**
   * Optional figures beyond time that setup measured (success rates, iterations …), copied
   * into the row's `metrics` in results.json.
   */
  metrics?: Record<string, number>;
}

/** A benchmark case: one row of the table. */
export interface BenchCase {
  /** Row name, short: `cell document: readCell vs JSON.parse`. */
  name: string;
  /** What our side does, for the table's legend. */
  ours: string;
  /** What the reference side does. */
  reference: string;
  /** Loads inputs and returns the two tasks; runs once, untimed. */
  setup(): TaskPair | Promise<TaskPair>;
  /** Optional tear-down (free WASM worlds etc.); runs once after timing. */
  teardown?(): void | Promise<void>;
  /** Timed rounds; default {@link DEFAULTS.rounds}. */
  rounds?: number;
  /**
   * Untimed warm-up rounds; default {@link DEFAULTS.warmupRounds}. Cases whose one call takes
   * seconds (a page load, a run of frames in a browser) use fewer.
   */
  warmupRounds?: number;
  /**
   * Optional one-line summary for the table's notes column (µs per call, success rates …),
   * made from the measured row (its `metrics` included).
   */
  notes?(row: BenchRow): string;
}

/** Identity helper that types a case file's default export. */
export function defineCase(c: BenchCase): BenchCase {
  return c;
}

/** Default settings of {@link compare}. */
export const DEFAULTS = {
  /** Timed rounds (each round times one batch of each side). */
  rounds: 30,
  /** Untimed warm-up rounds, for the JIT. */
  warmupRounds: 5,
  /** A batch repeats a task until it lasts at least this long, so the timer's grain does not matter. */
  minBatchMs: 5,
} as const;

/** Settings of one comparison. */
export interface CompareOptions {
  rounds?: number;
  warmupRounds?: number;
  minBatchMs?: number;
}

/** One measured row; also the shape written to `bench/results.json`. */
export interface BenchRow {
  name: string;
  /** Median time of one call (one unit, see TaskPair.units) of our task, in milliseconds. */
  ours_ms: number;
  /** Median time of one call (one unit) of the reference task, in milliseconds. */
  reference_ms: number;
  /** ours_ms / reference_ms: 1 is the same speed, 2 is twice as slow as the reference. */
  ratio: number;
  rounds: number;
  /** Calls per timed batch, ours and reference. */
  batch: { ours: number; reference: number };
  /** What each side does. */
  labels: { ours: string; reference: string };
  /** Units of work per call when not 1 (TaskPair.units): the times above are per unit. */
  units?: number;
  /** Figures beyond time from the case's setup (TaskPair.metrics). */
  metrics?: Record<string, number>;
  /** The case's one-line summary (BenchCase.notes), also printed in the table. */
  notes?: string;
}

/** Keeps task results alive so the JIT cannot drop the work as dead code. */
let sink: unknown;
/** Read the sink (only so that it is observably used). */
export function sinkValue(): unknown {
  return sink;
}

async function runBatch(task: Task, calls: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const r = task();
    sink = r instanceof Promise ? await r : r;
  }
  return performance.now() - start;
}

/** Times `calls` calls of one side: remotely through `timeBatch` when the pair has it, else here. */
function timeSide(pair: TaskPair, side: Side, calls: number): Promise<number> {
  return pair.timeBatch ? pair.timeBatch(side, calls) : runBatch(pair[side], calls);
}

/** Calls per batch so that a batch lasts at least `minBatchMs` (at least 1). */
async function calibrate(pair: TaskPair, side: Side, minBatchMs: number): Promise<number> {
  let calls = 1;
  for (;;) {
    const ms = await timeSide(pair, side, calls);
    if (ms >= minBatchMs || calls >= 1 << 24) return calls;
    calls = ms <= 0 ? calls * 10 : Math.min(calls * 10, Math.max(calls * 2, Math.ceil((calls * minBatchMs * 1.2) / ms)));
  }
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times two tasks doing the same work: warm-up, then `rounds` rounds that each time one batch of
 * both (alternating which goes first), and returns the median per-call times and their ratio.
 */
export async function compare(name: string, pair: TaskPair, labels: BenchRow['labels'], options: CompareOptions = {}): Promise<BenchRow> {
  const rounds = options.rounds ?? DEFAULTS.rounds;
  const warmupRounds = options.warmupRounds ?? DEFAULTS.warmupRounds;
  const minBatchMs = options.minBatchMs ?? DEFAULTS.minBatchMs;

  for (let i = 0; i < warmupRounds; i++) {
    await timeSide(pair, 'ours', 1);
    await timeSide(pair, 'reference', 1);
  }
  const batch = { ours: await calibrate(pair, 'ours', minBatchMs), reference: await calibrate(pair, 'reference', minBatchMs) };
  for (let i = 0; i < warmupRounds; i++) {
    await timeSide(pair, 'ours', batch.ours);
    await timeSide(pair, 'reference', batch.reference);
  }

  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      ours.push((await timeSide(pair, 'ours', batch.ours)) / batch.ours);
      reference.push((await timeSide(pair, 'reference', batch.reference)) / batch.reference);
    } else {
      reference.push((await timeSide(pair, 'reference', batch.reference)) / batch.reference);
      ours.push((await timeSide(pair, 'ours', batch.ours)) / batch.ours);
    }
  }
  const units = pair.units ?? 1;
  const ours_ms = median(ours) / units;
  const reference_ms = median(reference) / units;
  const row: BenchRow = { name, ours_ms, reference_ms, ratio: ours_ms / reference_ms, rounds, batch, labels };
  if (units !== 1) row.units = units;
  if (pair.metrics) row.metrics = { ...pair.metrics };
  return row;
}

/** Runs one case: setup, compare, teardown. */
export async function runCase(c: BenchCase, options: CompareOptions = {}): Promise<BenchRow> {
  const pair = await c.setup();
  try {
    const row = await compare(
      c.name,
      pair,
      { ours: c.ours, reference: c.reference },
      { ...options, rounds: options.rounds ?? c.rounds ?? DEFAULTS.rounds, warmupRounds: options.warmupRounds ?? c.warmupRounds ?? DEFAULTS.warmupRounds },
    );
    if (c.notes) row.notes = c.notes(row);
    return row;
  } finally {
    await c.teardown?.();
  }
}

/** A time in ms with three significant digits (`0.00412`, `12.3`). */
export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toPrecision(3);
}

/**
 * The results as a plain-text table, with a legend of what each side does. A notes column is
 * added only when some row has notes.
 */
export function formatTable(rows: readonly BenchRow[]): string {
  const withNotes = rows.some((r) => r.notes !== undefined);
  const header = ['benchmark', 'ours (ms)', 'reference (ms)', 'ratio', 'rounds', ...(withNotes ? ['notes'] : [])];
  const body = rows.map((r) => [
    r.name,
    formatMs(r.ours_ms),
    formatMs(r.reference_ms),
    `${r.ratio.toFixed(2)}×`,
    String(r.rounds),
    ...(withNotes ? [r.notes ?? ''] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  // Name and notes left-aligned, numbers right-aligned; no trailing blanks after the last cell.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const legend = rows.map((r) => `  ${r.name}\n    ours:      ${r.labels.ours}\n    reference: ${r.labels.reference}`);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    'ratio = ours / reference, median time of one call (1.00× = same speed; higher = ours is slower).',
    ...(rows.some((r) => r.units !== undefined) ? ['Rows that time a batch of work per call (units in results.json) give the time of one unit.'] : []),
    ...legend,
  ].join('\n');
}
