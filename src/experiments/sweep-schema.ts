/**
 * The sweep file (`*.sweep.json`, issue 15 item 1): which cell, what to vary, how often to run
 * each variant and what to collect. Checked like a cell file: every problem names its place in
 * the file (`factors[1].range.steps: expected a whole number ≥ 2`), a JSON syntax error its line.
 *
 * ```json
 * {
 *   "version": 1,
 *   "name": "Belt speed × arrival interval",
 *   "base": "pick-place.cell.json",
 *   "factors": [
 *     { "name": "belt", "path": "/items/infeed/speed", "values": [0.2, 0.3] },
 *     { "name": "interval", "path": "/items/infeed/source/interval", "range": { "from": 3, "to": 5, "steps": 3 } }
 *   ],
 *   "design": "full-factorial",
 *   "replications": 3, "seed": 1, "duration": 600, "warmupCycles": 2,
 *   "kpis": ["throughputUph", "cellCycleTime", "robot.*"]
 * }
 * ```
 * - `base`: a cell file (relative to the sweep file) or a whole cell inline;
 * - `factors[].path`: a JSON Pointer into the cell (json-pointer.ts: an array element may be
 *   named by its id); `values`: the levels, any JSON (numbers, a robot model id, a whole pose…);
 *   `range`: `from`–`to`, in `steps` evenly spaced levels (a full factorial needs them; a Latin
 *   hypercube samples the range continuously);
 * - `design`: `"full-factorial"` (default: every combination) or
 *   `{ "type": "latin-hypercube", "samples": N }`;
 * - `replications` seeds per variant, from `seed` on; `duration` simulated seconds per run;
 *   `warmupCycles` robot loops and parts left out of the KPIs; `kpis`: the figures to collect
 *   (names of experiments/kpi-fields.ts, `prefix*` for a group; default: all); `engine`: which
 *   simulation engine runs them.
 */
import { z } from 'zod';
import { locateJsonError } from '../model/json-location';
import { formatPath, type Problem } from '../model/validate';

const factorSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    path: z.string().startsWith('/', 'expected a JSON Pointer starting with "/"'),
    values: z.array(z.json()).min(1, 'expected at least one value').optional(),
    range: z
      .strictObject({
        from: z.number(),
        to: z.number(),
        steps: z.number().int('expected a whole number ≥ 2').min(2, 'expected a whole number ≥ 2').optional(),
      })
      .optional(),
  })
  .refine((f) => (f.values === undefined) !== (f.range === undefined), { message: 'give either "values" or "range", not both or neither' });

export const sweepSchema = z.strictObject({
  version: z.literal(1).optional(),
  name: z.string().optional(),
  base: z.union([z.string().min(1), z.record(z.string(), z.json())]),
  factors: z.array(factorSchema).min(1, 'expected at least one factor'),
  design: z
    .union([z.literal('full-factorial'), z.strictObject({ type: z.literal('latin-hypercube'), samples: z.number().int().min(1) })])
    .optional(),
  replications: z.number().int().min(1).max(10_000).optional(),
  seed: z.number().int().optional(),
  duration: z.number().positive().max(1e7),
  warmupCycles: z.number().int().min(0).optional(),
  kpis: z.array(z.string().min(1)).optional(),
  engine: z.enum(['events', 'physics']).optional(),
});

/** A sweep file as written. */
export type SweepFile = z.infer<typeof sweepSchema>;
/** One factor as written. */
export type FactorSpec = SweepFile['factors'][number];

/** The outcome of reading a sweep file. */
export type SweepReadResult = { ok: true; sweep: SweepFile } | { ok: false; problems: Problem[] };

/** Checks an already-parsed sweep document. */
export function validateSweep(doc: unknown): SweepReadResult {
  const result = sweepSchema.safeParse(doc, {
    error: (iss) => (iss.input === undefined ? 'required field is missing' : iss.code === 'invalid_type' ? `expected ${iss.expected}` : undefined),
  });
  if (result.success) return { ok: true, sweep: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message,
    })),
  };
}

/** Parses and checks sweep-file text (see the module comment). Never throws. */
export function readSweep(text: string): SweepReadResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const at = locateJsonError(body);
    if (at === null) return { ok: false, problems: [{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${at.message} (line ${at.line}, column ${at.column})`, line: at.line }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: [{ path: '', message: 'expected a JSON object (a CellTwin sweep)' }] };
  return validateSweep(raw);
}
