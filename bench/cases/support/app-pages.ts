/**
 * The built app for the browser rows of issue 7 (frame time at scale, share link → first frame):
 * `vite build` of the repository, done once per bench process into a temporary folder (or the
 * folder named by CELLTWIN_BENCH_DIST, to reuse a build), served on 127.0.0.1 with the isolation
 * headers by the browser tests' own static server (tests/browser/harness.ts), and Debian's
 * Chromium with WebGL on SwiftShader, as the browser tests run it.
 *
 * Everything heavy (vite, playwright) is imported inside the functions, so that running other
 * cases never loads it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../../../tests/browser/harness';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let distDir: Promise<string> | undefined;

/** The built app's folder: CELLTWIN_BENCH_DIST, or a fresh `vite build` (once per process). */
export function builtApp(): Promise<string> {
  distDir ??= (async () => {
    const given = process.env['CELLTWIN_BENCH_DIST'];
    if (given) return path.resolve(REPO_ROOT, given);
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'celltwin-bench-app-'));
    process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), root: REPO_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return distDir;
}

/** Serves the built app under `/app/` (see serveStatic); close it when done. */
export async function serveApp(): Promise<StaticServer> {
  const { serveStatic } = await import('../../../tests/browser/harness');
  return serveStatic({ root: await builtApp() });
}

/**
 * Chromium flags that let requestAnimationFrame run as fast as frames can be drawn instead of at
 * the display's 60 Hz, so a frame time is the time a frame takes, not a multiple of 16.7 ms.
 */
export const UNCAPPED_FRAME_RATE_ARGS: readonly string[] = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** Launches the browser tests' Chromium (tests/browser/find-chromium.ts) with their flags plus `extraArgs`. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const { launchBrowser } = await import('../../../tests/browser/harness');
  return launchBrowser(extraArgs);
}
