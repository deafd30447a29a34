/**
 * A small sweep (3 factors × 2 levels × 3 seeds = 24 runs of 12 s) run three ways — on the local
 * worker-thread pool, resumed from a half-written results file, and through pg-boss with two
 * `celltwin worker` processes against an embedded PostgreSQL that the test starts in a mode-777
 * temporary folder — giving byte-identical results files. Then a worker process is killed
 * mid-run: its run's lease expires, another worker runs it, and no row is missing or doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseCsv } from '../../src/experiments/results';
import { runTask } from '../../src/cli/pool/run-task';
import { planSweep } from '../../src/cli/sweep/plan';
import { startEmbeddedDb, type EmbeddedDb } from '../../src/cli/queue/embedded-db';
import { openBoss } from '../../src/cli/queue/boss';
import { REPO_ROOT } from './corpus-helpers';

const SWEEP = 'tests/fixtures/small.sweep.json';
const scratch = mkdtempSync(join(tmpdir(), 'celltwin-sweep-'));
const children: ChildProcess[] = [];
let db: EmbeddedDb | null = null;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await db?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

async function celltwin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Starts `celltwin worker` in its own process; `lines` collects what it prints on stderr. */
function startWorker(url: string): { child: ChildProcess; lines: string[] } {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/celltwin.js'), 'worker', '--queue', url, '--concurrency', '1'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  const lines: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => lines.push(...d.split('\n').filter((l) => l !== '')));
  return { child, lines };
}

const stopWorker = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Runs plain SQL on the queue database (through pg-boss's connection pool). */
async function sql(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  const boss = await openBoss(url, () => undefined);
  try {
    return (await boss.getDb().executeSql(text, [])).rows;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

const runRows = (csv: string) => parseCsv(csv).filter((r) => r[0] === 'run');

let local = '';

describe('a sweep on the local pool', () => {
  it('writes one row per run and a summary per variant, each row what a run in this thread gives', async () => {
    const out = join(scratch, 'local.csv');
    const r = await celltwin('sweep', SWEEP, '--workers', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/8 variants × 3 seeds = 24 runs of 12 s; 0 already in .*; 24 to run on 2 worker threads/);
    expect(r.err).toMatch(/sweep \[#{24}\] 24\/24 runs \(100%\)/);
    local = readFileSync(out, 'utf8');
    const table = parseCsv(local);
    expect(runRows(local)).toHaveLength(24);
    expect(table.filter((row) => row[0] === 'summary')).toHaveLength(8);
    expect(new Set(runRows(local).map((row) => row[4])).size).toBe(24);

    // The last variant's third seed, run here in the test's own thread: the same figures.
    const plan = await planSweep(SWEEP, { out: () => undefined, err: () => undefined, cwd: REPO_ROOT });
    const last = plan.runs[plan.runs.length - 1]!;
    const mine = await runTask(plan.task(last));
    const header = table[0]!;
    const row = runRows(local).find((x) => x[4] === last.key)!;
    expect(Number(row[header.indexOf('throughputUph')])).toBe(mine.kpis['throughputUph']);
    expect(Number(row[header.indexOf('robot.robot-1.busy')])).toBe(mine.kpis['robot.robot-1.busy']);
  }, 300_000);

  it('resumes from a half-written file: the runs in it are not run again and the file ends the same', async () => {
    const out = join(scratch, 'resumed.csv');
    const lines = local.split('\n');
    writeFileSync(out, `${lines.slice(0, 11).join('\n')}\n`);
    const r = await celltwin('sweep', SWEEP, '--workers', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/24 runs of 12 s; 10 already in .*; 14 to run/);
    expect(readFileSync(out, 'utf8')).toBe(local);
  }, 300_000);
});

describe('the same sweep on a pg-boss queue with two worker processes', () => {
  let url = '';
  beforeAll(async () => {
    db = await startEmbeddedDb();
    url = db.url;
  }, 120_000);

  it('gives the same file as the local pool, with one row per run in the results table', async () => {
    const workers = [startWorker(url), startWorker(url)];
    const out = join(scratch, 'queue.csv');
    const r = await celltwin('sweep', SWEEP, '--queue', url, '--out', out);
    await Promise.all(workers.map((w) => stopWorker(w.child)));
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(local);
    // Both workers took part.
    for (const w of workers) expect(w.lines.some((l) => l.endsWith(' done'))).toBe(true);
    expect(await sql(url, 'SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM celltwin_results')).toEqual([{ n: 24, keys: 24 }]);
  }, 300_000);

  it('loses and doubles nothing when a worker is killed mid-run: the run is retried after its lease', async () => {
    // The same variants with one seed: 8 runs, whose rows must equal the local sweep's seed-1 rows.
    const oneSeed = join(scratch, 'one-seed.sweep.json');
    const spec = JSON.parse(readFileSync(join(REPO_ROOT, SWEEP), 'utf8'));
    writeFileSync(oneSeed, JSON.stringify({ ...spec, base: join(REPO_ROOT, 'tests/fixtures', spec.base), replications: 1 }));
    const doomed = startWorker(url);
    const out = join(scratch, 'killed.csv');
    let swept = false;
    const sweep = celltwin('sweep', oneSeed, '--queue', url, '--lease', '3', '--out', out).finally(() => (swept = true));
    // Kill the worker while it holds a run. It works alone so far, so a run the queue calls
    // active is its own; frozen (SIGSTOP) it cannot finish that run between the look and the kill.
    // (A kill on a timer could land between two runs, and then nothing would be retried.)
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    while (!doomed.lines.some((l) => l.endsWith(' done'))) await pause(20);
    for (;;) {
      if (swept) throw new Error('the lone worker finished every run before it could be caught holding one');
      doomed.child.kill('SIGSTOP');
      const active = await sql(url, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'celltwin-runs' AND state = 'active'`);
      if (Number(active[0]!['n']) > 0) break;
      doomed.child.kill('SIGCONT');
      await pause(10);
    }
    doomed.child.kill('SIGKILL');
    const survivor = startWorker(url);
    const r = await sweep;
    await stopWorker(survivor.child);
    expect(r.code).toBe(0);
    const rows = runRows(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((x) => x[4])).size).toBe(8);
    const seedOne = runRows(local).filter((x) => x[3] === '1');
    expect(rows).toEqual(seedOne);

    // The one-seed sweep is the table's second sweep: 8 rows, 8 keys.
    const stored = await sql(url, 'SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM celltwin_results GROUP BY sweep ORDER BY n');
    expect(stored).toEqual([{ n: 8, keys: 8 }, { n: 24, keys: 24 }]);
    // The killed worker's run went back on the queue: a job was retried.
    const retried = await sql(url, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'celltwin-runs' AND retry_count > 0`);
    expect(retried[0]!['n']).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
