/**
 * One page opening timed inside the page, for the first-frame rows (share link, embed): from
 * navigation start (the performance time origin) to the moment the app raises
 * `window.__celltwin.firstFrameRendered` (FrameProbe), caught by an init script that watches the
 * flag's assignment instead of polling for it, and to the moment every robot of the cell has
 * loaded (`robotLoads()`, polled every 2 ms once the first frame is up).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { median, type Side } from '../../harness';

/** When, in ms after navigation start, the page drew its first frame and had all robots loaded. */
export interface StartupMarks {
  firstFrame: number | null;
  robots: number | null;
  error: string | null;
}

/**
 * Runs in the page before any of its scripts: catches the assignment of
 * `__celltwin.firstFrameRendered = true` with an accessor, then polls robot loads.
 */
export function watchStartup(): void {
  const marks: StartupMarks = { firstFrame: null, robots: null, error: null };
  (window as unknown as { __benchStartup: StartupMarks }).__benchStartup = marks;
  type Probe = { firstFrameRendered: boolean; cell?: () => { items: { id: string; type: string }[] }; robotLoads?: () => Record<string, { done: boolean; error: string | null }> };
  let probe: Probe | undefined;
  Object.defineProperty(window, '__celltwin', {
    configurable: true,
    get: () => probe,
    set(value: Probe) {
      probe = value;
      let first = value.firstFrameRendered === true;
      Object.defineProperty(value, 'firstFrameRendered', {
        configurable: true,
        enumerable: true,
        get: () => first,
        set(v: boolean) {
          if (v && !first) marks.firstFrame = performance.now();
          first = v;
        },
      });
    },
  });
  const timer = setInterval(() => {
    // The cell is in place before the app first renders (src/main.tsx), so once a frame is up the
    // robot list is the shared cell's.
    if (marks.firstFrame === null || !probe?.cell || !probe.robotLoads) return;
    const loads = probe.robotLoads();
    const robots = probe.cell().items.filter((i) => i.type === 'robot');
    const failed = robots.find((r) => loads[r.id]?.error);
    if (failed) marks.error = `${failed.id}: ${loads[failed.id]!.error}`;
    if (failed || robots.every((r) => loads[r.id]?.done === true)) {
      marks.robots = performance.now();
      clearInterval(timer);
    }
  }, 2);
}

/** Opens `url` in a fresh context of `viewport` size and returns its startup marks (ms after navigation start). */
export async function openOnce(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<{ firstFrame: number; robots: number }> {
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport });
    // tsx (esbuild keepNames) may wrap inner functions in `__name(…)`; give the page a no-op one.
    await context.addInitScript('globalThis.__name ??= (f) => f;');
    await context.addInitScript(watchStartup);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(
      () => {
        const m = (window as unknown as { __benchStartup?: StartupMarks }).__benchStartup;
        return m && m.robots !== null ? m : null;
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const marks = (await handle.jsonValue()) as StartupMarks;
    if (marks.error !== null || errors.length > 0) throw new Error(`${url.slice(0, 80)}…: ${marks.error ?? errors.join('; ')}`);
    return { firstFrame: marks.firstFrame!, robots: marks.robots! };
  } finally {
    await context?.close();
  }
}

/**
 * Paired first-frame timing of two pages (ours and the reference), as the first-frame cases
 * use it: each call of `timeBatch(side, n)` opens that side's page `n` times in fresh contexts,
 * and after each batch `metrics` holds the medians of the timed openings (the first
 * `2 × warmupRounds + 1` openings are warm-up and calibration) and the spread (p25–p75) of the
 * per-round ratios, which says how steady the machine was.
 */
export function pairedFirstFrames(
  browser: () => Browser,
  urls: Record<Side, string>,
  viewport: { width: number; height: number },
  warmupRounds: number,
  metrics: Record<string, number>,
): (side: Side, calls: number) => Promise<number> {
  const opened: Record<Side, Array<{ firstFrame: number; robots: number }>> = { ours: [], reference: [] };
  const untimed = 2 * warmupRounds + 1;
  const timedOf = (s: Side) => (opened[s].length > untimed ? opened[s].slice(untimed) : opened[s]);
  return async (side, calls) => {
    let total = 0;
    for (let i = 0; i < calls; i++) {
      const marks = await openOnce(browser(), urls[side], viewport);
      opened[side].push(marks);
      total += marks.firstFrame;
    }
    const timed = timedOf(side);
    metrics[`${side}FirstFrameMs`] = median(timed.map((m) => m.firstFrame));
    metrics[`${side}RobotsLoadedMs`] = median(timed.map((m) => m.robots));
    metrics[`${side}Openings`] = timed.length;
    const reference = timedOf('reference');
    const ratios = timedOf('ours')
      .slice(0, reference.length)
      .map((m, i) => m.firstFrame / reference[i]!.firstFrame)
      .sort((a, b) => a - b);
    if (ratios.length > 0) Object.assign(metrics, { roundRatioP25: ratios[Math.floor((ratios.length - 1) / 4)]!, roundRatioP75: ratios[Math.ceil((3 * (ratios.length - 1)) / 4)]! });
    return total;
  };
}
