/**
 * `npx tsx bench/profile-frames.ts [--frames N]`: where the frame time of the frame-time row goes.
 * Opens both pages of cases/scene-50-robots-200-parts-chromium.ts, draws N frames (default 30)
 * in each under the Chrome DevTools CPU profiler (playwright's CDP session), and prints per frame:
 * time blocked inside WebGL calls (on SwiftShader, mostly waiting for the GPU process to take more
 * commands), JavaScript, V8's own work, garbage collection, then the JavaScript functions with the
 * most self time.
 *
 * Function names are readable with a build that is not minified:
 * `npx vite build --outDir dist-prof --minify false && CELLTWIN_BENCH_DIST=dist-prof npx tsx bench/profile-frames.ts`.
 */
import type { Page } from 'playwright-core';
import { encodeShareFragment } from '../src/io/share-link';
import { launchChromium, serveApp, UNCAPPED_FRAME_RATE_ARGS } from './cases/support/app-pages';
import { ORBIT_TARGET, timeFrames } from './cases/support/frame-view';
import { scaleCell } from './cases/support/scale-cell';
import { openScaleApp, openScaleReference, ORBIT } from './cases/support/scale-pages';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** A node's label: `name file:line:column`; native (WebGL) functions have no file. */
function label(n: ProfileNode): string {
  const file = n.callFrame.url.replace(/^.*\//, '');
  return `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}` : ''}`;
}

/** V8's pseudo-entries, which are not functions. */
const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

async function profilePage(name: string, page: Page, frames: number): Promise<void> {
  const orbit = { ...ORBIT, start: 0 };
  await page.evaluate(timeFrames, { frames: 5, settle: 1, orbit, target: ORBIT_TARGET }); // warm up
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const times = await page.evaluate(timeFrames, { frames, settle: 1, orbit, target: ORBIT_TARGET });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const key = label(nodes.get(id)!);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  const perFrame = (ms: number) => ms / frames;
  const sum = (pick: (key: string) => boolean) => [...self].filter(([k]) => pick(k)).reduce((s, [, v]) => s + v, 0);
  const isNative = (k: string) => !k.includes(' ') && !PSEUDO.has(k);
  const isJs = (k: string) => k.includes(' ') && !PSEUDO.has(k);
  const frameMs = times.intervals.reduce((s, v) => s + v, 0) / frames;

  console.log(`\n${name}: ${frames} frames, ${frameMs.toFixed(1)} ms per frame, ${Math.round(times.calls)} draw calls per frame`);
  console.log(
    `  per frame: inside WebGL calls ${perFrame(sum(isNative)).toFixed(1)} ms, JavaScript ${perFrame(sum(isJs)).toFixed(1)} ms, ` +
      `V8 (program) ${perFrame(self.get('(program)') ?? 0).toFixed(1)} ms, GC ${perFrame(self.get('(garbage collector)') ?? 0).toFixed(1)} ms, idle ${perFrame(self.get('(idle)') ?? 0).toFixed(1)} ms`,
  );
  console.log('  JavaScript functions by self time (ms per frame):');
  for (const [k, v] of [...self].filter(([k]) => isJs(k)).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${perFrame(v).toFixed(2).padStart(8)}  ${k}`);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--frames');
  const frames = at >= 0 ? Number(process.argv[at + 1]) : 30;
  if (!(Number.isInteger(frames) && frames > 0)) throw new Error('--frames needs a positive integer');
  const server = await serveApp();
  const browser = await launchChromium(UNCAPPED_FRAME_RATE_ARGS);
  try {
    const app = await openScaleApp(browser, server, encodeShareFragment(scaleCell()));
    const reference = await openScaleReference(browser, app.size);
    await profilePage('app', app.page, frames);
    await profilePage('bare three.js', reference.page, frames);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(`profile-frames: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
