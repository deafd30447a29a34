/**
 * Issue 7 benchmark: frame time with 50 robots and 200 parts in the scene, against a bare
 * three.js page drawing the same meshes (aim ≤ 1.3×). Headless Chromium, WebGL on SwiftShader,
 * 800 × 500 viewport, requestAnimationFrame uncapped (support/app-pages.ts).
 *
 * - ours: the built app opened the way a visitor opens it, on a share link (`#cell=…`) of the
 *   generated cell (support/scale-cell.ts); after every robot has loaded, one Step of the
 *   simulation (0.1 s) puts the 200 parts in the scene — the app draws `cell.parts` only while
 *   a run exists — and leaves the run paused. The app renders on demand, so the bench switches
 *   r3f's frame loop to 'always' while it times (through the test probe, support/frame-view.ts).
 * - reference: support/scene-page-entry.ts — the same robots (urdf-loader, same joints) and
 *   boxes, the same lights, shadows, grids, renderer settings and canvas size, drawn in its own
 *   requestAnimationFrame loop.
 *
 * Both move the camera one step per frame along the same slow orbit (the k-th frame of each side
 * sees the same view). A call is FRAMES frames; its time is the span of their frame starts, so a
 * row's times are per frame. Mean and p95 per frame over the timed rounds are in the notes, with
 * the spread of the per-round ratios (other processes on the machine move SwiftShader's frame
 * time a lot; the spread says how far to trust the median).
 *
 * Where the time goes: bench/profile-frames.ts (CPU profiles of both pages over the same frames).
 */
import type { Browser, Page } from 'playwright-core';
import { defineCase, type Side } from '../harness';
import { encodeShareFragment } from '../../src/io/share-link';
import type { StaticServer } from '../../tests/browser/harness';
import { launchChromium, serveApp, UNCAPPED_FRAME_RATE_ARGS } from './support/app-pages';
import { meanAndP95, ORBIT_TARGET, timeFrames, type FrameTimes, type Orbit } from './support/frame-view';
import { scaleCell } from './support/scale-cell';
import { appSceneCounts, openScaleApp, openScaleReference, ORBIT, VIEWPORT } from './support/scale-pages';

/** Timed frames per call, and untimed frames drawn before them (the loop getting going). */
const FRAMES = 10;
const SETTLE = 2;
/** Untimed warm-up rounds: one, because a frame of this scene takes a large fraction of a second. */
const WARMUP_ROUNDS = 1;

let browser: Browser | undefined;
let server: StaticServer | undefined;

export default defineCase({
  name: 'frame time: 50 robots + 200 parts (chromium)',
  ours: `the built app on a share link of the 50-robot / 200-part cell, run stepped once and paused, r3f frame loop 'always', camera orbiting; ${VIEWPORT.width}×${VIEWPORT.height} viewport, SwiftShader`,
  reference: 'bare three.js + urdf-loader page: the same robots, boxes, lights, shadows, grids, renderer settings and canvas size, its own rAF loop, same orbit',
  rounds: 12,
  warmupRounds: WARMUP_ROUNDS,
  async setup() {
    const cell = scaleCell();
    server = await serveApp();
    browser = await launchChromium(UNCAPPED_FRAME_RATE_ARGS);
    const app = await openScaleApp(browser, server, encodeShareFragment(cell));
    const reference = await openScaleReference(browser, app.size);
    const counts = await appSceneCounts(app.page);
    if (counts.parts !== (cell.parts ?? []).length) throw new Error(`the app shows ${counts.parts} parts, the cell has ${(cell.parts ?? []).length}`);

    const pages: Record<Side, Page> = { ours: app.page, reference: reference.page };
    const framesDone: Record<Side, number> = { ours: 0, reference: 0 };
    const batches: Record<Side, FrameTimes[]> = { ours: [], reference: [] };
    const metrics: Record<string, number> = {
      canvasWidth: app.size.width,
      canvasHeight: app.size.height,
      oursVisibleMeshes: counts.meshes,
      referenceMeshes: reference.meshes,
    };
    // The harness runs warm-up and calibration batches before the timed rounds; only the timed
    // ones go into mean and p95 (metrics are copied into the row after the last round).
    const untimedBatches = 2 * WARMUP_ROUNDS + 1;
    const timedOf = (side: Side) => (batches[side].length > untimedBatches ? batches[side].slice(untimedBatches) : batches[side]);
    const batchMs = (b: FrameTimes) => b.intervals.reduce((s, v) => s + v, 0);
    const summarise = (side: Side) => {
      const all = timedOf(side).flatMap((b) => b.intervals);
      const { mean, p95 } = meanAndP95(all);
      const last = batches[side].at(-1)!;
      Object.assign(metrics, { [`${side}MeanMs`]: mean, [`${side}P95Ms`]: p95, [`${side}Frames`]: all.length, [`${side}DrawCalls`]: Math.round(last.calls), [`${side}Triangles`]: Math.round(last.triangles) });
      // How steady the machine was: the spread of the per-round ratios (rounds pair up in order).
      const ours = timedOf('ours');
      const reference = timedOf('reference');
      const ratios = ours.slice(0, reference.length).map((b, i) => batchMs(b) / batchMs(reference[i]!)).sort((a, b) => a - b);
      if (ratios.length > 0) Object.assign(metrics, { roundRatioP25: ratios[Math.floor((ratios.length - 1) / 4)]!, roundRatioP75: ratios[Math.ceil((3 * (ratios.length - 1)) / 4)]! });
    };

    const timeBatch = async (side: Side, calls: number): Promise<number> => {
      const frames = calls * FRAMES;
      const orbit: Orbit = { radius: ORBIT.radius, height: ORBIT.height, step: ORBIT.step, start: framesDone[side] * ORBIT.step };
      framesDone[side] += frames + SETTLE;
      const times = await pages[side].evaluate(timeFrames, { frames, settle: SETTLE, orbit, target: ORBIT_TARGET });
      batches[side].push(times);
      summarise(side);
      return batchMs(times);
    };
    return { ours: () => timeBatch('ours', 1), reference: () => timeBatch('reference', 1), timeBatch, units: FRAMES, metrics };
  },
  async teardown() {
    await browser?.close().catch(() => undefined);
    await server?.close();
    browser = undefined;
    server = undefined;
  },
  notes(row) {
    const m = row.metrics ?? {};
    const f = (k: string) => (m[k] ?? NaN).toFixed(1);
    const spread = `${(m['roundRatioP25'] ?? NaN).toFixed(2)}–${(m['roundRatioP75'] ?? NaN).toFixed(2)}×`;
    return `mean/p95 per frame: ours ${f('oursMeanMs')}/${f('oursP95Ms')} ms, reference ${f('referenceMeanMs')}/${f('referenceP95Ms')} ms; per-round ratio p25–p75 ${spread}; draw calls ${m['oursDrawCalls'] ?? '?'} vs ${m['referenceDrawCalls'] ?? '?'}; canvas ${m['canvasWidth']}×${m['canvasHeight']}`;
  },
});
