/**
 * Browser test harness: serves the built app (`dist/`) on 127.0.0.1 with the cross-origin
 * isolation headers, drives Debian's Chromium through playwright-core with WebGL on SwiftShader,
 * and offers the checks every browser test needs — wait for the app's first rendered frame (never
 * a sleep), check that the WebGL canvas is not blank, save screenshots under `tests/artifacts/`.
 *
 * Typical use:
 * ```ts
 * const app = await openApp();               // serve dist/ under /app/, launch, open, wait
 * await canvasIsNotBlank(app.page);           // throws with figures when the canvas is blank
 * await saveScreenshot(app.page, 'default-cell.png');
 * expect(app.errors.page).toEqual([]);
 * await app.close();
 * ```
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './find-chromium';

/** The repository root (this file lives in tests/browser/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Where the built site is: `dist/`, or the folder in CELLTWIN_DIST, so that two builds
 * (`vite build --outDir dist-x`) can be tested side by side without overwriting each other.
 */
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.CELLTWIN_DIST ?? 'dist');
/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts');

/**
 * Chromium flags: headless WebGL through SwiftShader (no GPU on CI), no sandbox (CI runs as root),
 * and nothing that reaches for the network (which is closed here).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The default viewport: small, so SwiftShader on two cores keeps up. */
export const DEFAULT_VIEWPORT = { width: 960, height: 600 } as const;

// ---------------------------------------------------------------------------------------------
// (a) Chromium: see find-chromium.ts (CHROMIUM_PATH, /usr/bin/chromium, @sparticuz/chromium)

// ---------------------------------------------------------------------------------------------
// (b) Static server with the isolation headers

/** MIME types of the files the app ships. Anything else is served as octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.urdf': 'application/xml; charset=utf-8',
  '.xacro': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.stl': 'model/stl',
  '.dae': 'model/vnd.collada+xml',
  '.obj': 'text/plain; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers that make the page cross-origin isolated (SharedArrayBuffer for the frame buffer). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A running static server. */
export interface StaticServer {
  /** Full URL of the app's folder, ending in `/` (e.g. `http://127.0.0.1:41234/app/`). */
  url: string;
  /** The origin alone (`http://127.0.0.1:41234`). */
  origin: string;
  /** Every path that was requested and answered 404, for diagnosing a wrong base. */
  notFound: string[];
  close(): Promise<void>;
}

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /** Folder to serve; default `dist/`. */
  root?: string;
  /**
   * URL folder the site is mounted under, with leading and trailing slash; default `/app/`, so
   * the tests prove the build's relative base works from a sub-folder. `/` redirects there.
   */
  base?: string;
}

/**
 * Serves a folder on 127.0.0.1 on a free port, with COOP/COEP/CORP headers and correct MIME
 * types, mounted under a sub-folder. Directory requests serve their `index.html`.
 */
export async function serveStatic(options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(options.root ?? DIST_DIR);
  const base = options.base ?? '/app/';
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.relative(REPO_ROOT, root) || root}/index.html is missing: build first (npm run test:browser runs "vite build").`);
  }
  const notFound: string[] = [];

  const server: Server = createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (pathname === '/' || pathname === base.slice(0, -1)) return send(302, '', undefined, { Location: base });
      // Chromium asks for /favicon.ico when a page declares no icon; that is no fault of the app.
      if (pathname === '/favicon.ico') return send(204, '');
      if (!pathname.startsWith(base)) {
        notFound.push(pathname);
        return send(404, `not under ${base}: ${pathname}`);
      }
      let file = path.resolve(root, `.${pathname.slice(base.length - 1)}`);
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        notFound.push(pathname);
        return send(404, `not found: ${pathname}`);
      }
      return send(200, body, MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    })().catch((e: unknown) => send(500, String(e)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Browser and page, with the errors they report

/** Launches the Chromium {@link findChromium} finds, headless, with WebGL on SwiftShader. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const { executablePath } = await findChromium();
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** What went wrong in a page, collected as it happens. */
export interface PageErrors {
  /** Uncaught exceptions and unhandled rejections (`pageerror`). */
  page: string[];
  /** `console.error` messages (and failed-resource messages Chromium logs as errors). */
  console: string[];
  /** Requests that failed or answered with status ≥ 400: `STATUS URL` or `failed URL: reason`. */
  requests: string[];
}

/** Starts collecting page errors, console errors and failed requests of a page. */
export function collectErrors(page: Page): PageErrors {
  const errors: PageErrors = { page: [], console: [], requests: [] };
  page.on('pageerror', (e) => errors.page.push(e.stack ?? e.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.console.push(msg.text());
  });
  page.on('requestfailed', (req) => errors.requests.push(`failed ${req.url()}: ${req.failure()?.errorText ?? '?'}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.requests.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

/** An open app: the server, the browser, the page and what went wrong so far. */
export interface AppSession {
  server: StaticServer;
  browser: Browser;
  page: Page;
  errors: PageErrors;
  /** Closes the page, the browser and the server (safe to call twice). */
  close(): Promise<void>;
}

/** Options of {@link openApp}. */
export interface OpenAppOptions extends ServeOptions {
  viewport?: { width: number; height: number };
  /** Appended to the app URL, e.g. `?cell=…` or `#…`. */
  query?: string;
  /** Wait for the app's first rendered frame before returning; default true. */
  waitForFrame?: boolean;
  /** Milliseconds to wait for the first frame; default 60 s (SwiftShader compiles shaders slowly). */
  frameTimeout?: number;
}

/**
 * Serves `dist/`, launches Chromium, opens the app and (by default) waits for its first frame.
 * On any failure everything started so far is closed again before the error is thrown.
 */
export async function openApp(options: OpenAppOptions = {}): Promise<AppSession> {
  const server = await serveStatic(options);
  let browser: Browser | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser?.close().catch(() => undefined);
    await server.close();
  };
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT });
    // Waits are for conditions; their limit only catches a hang. Playwright's 30 s default is
    // overrun by SwiftShader on a 2-core machine shared with other work (a rubber band took 28 s
    // to appear), so actions and waits without their own timeout get 90 s.
    context.setDefaultTimeout(90_000);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url + (options.query ?? ''), { waitUntil: 'load' });
    if (options.waitForFrame ?? true) await waitForFirstFrame(page, options.frameTimeout, errors);
    return { server, browser, page, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// (d) The app's own "first frame rendered" flag

/** What the app exposes on `window.__celltwin` for tests. */
export interface CellTwinTestHook {
  firstFrameRendered: boolean;
  frames: number;
}

/**
 * Waits until the app reports that it rendered its first frame (`window.__celltwin`). If the page
 * throws meanwhile, fails at once with that error instead of waiting for the timeout.
 */
export async function waitForFirstFrame(page: Page, timeout = 60_000, errors?: PageErrors): Promise<void> {
  const frame = page.waitForFunction(
    () => (window as unknown as { __celltwin?: CellTwinTestHook }).__celltwin?.firstFrameRendered === true,
    undefined,
    { timeout, polling: 'raf' },
  );
  if (!errors) {
    await frame;
    return;
  }
  // Fail fast on a page error: poll the collected errors alongside the frame wait.
  let timer: ReturnType<typeof setInterval> | undefined;
  const pageError = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (errors.page.length > 0) reject(new Error(`page error before the first frame:\n${errors.page.join('\n')}`));
    }, 100);
  });
  try {
    await Promise.race([frame, pageError]);
  } catch (e) {
    const hook = await readTestHook(page).catch(() => undefined);
    const detail = `window.__celltwin = ${JSON.stringify(hook)}; page errors: ${JSON.stringify(errors.page)}; console errors: ${JSON.stringify(errors.console)}`;
    throw new Error(`${(e as Error).message}\n${detail}`);
  } finally {
    clearInterval(timer);
  }
}

/** Reads `window.__celltwin` (undefined when the app has not set it). */
export async function readTestHook(page: Page): Promise<CellTwinTestHook | undefined> {
  return page.evaluate(() => (window as unknown as { __celltwin?: CellTwinTestHook }).__celltwin);
}

// ---------------------------------------------------------------------------------------------
// (e) Is the canvas blank?

/** Figures about a screenshot of the canvas. */
export interface CanvasStats {
  width: number;
  height: number;
  /** Distinct colours after dropping the 2 low bits of each channel (ignores dithering noise). */
  distinctColours: number;
  /** The most common colour, taken as the background, as `#rrggbb`. */
  background: string;
  /** Share of pixels (0..1) that differ from the background by more than a small tolerance. */
  nonBackgroundShare: number;
}

/** Decodes a PNG and measures its colour variety. */
export function measurePng(png: Buffer): CanvasStats {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = (((data[i]! >> 2) << 12) | ((data[i + 1]! >> 2) << 6) | (data[i + 2]! >> 2)) >>> 0;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let bgKey = 0;
  let bgCount = -1;
  for (const [key, count] of counts) {
    if (count > bgCount) {
      bgKey = key;
      bgCount = count;
    }
  }
  const bg = [((bgKey >> 12) & 63) << 2, ((bgKey >> 6) & 63) << 2, (bgKey & 63) << 2] as const;
  let different = 0;
  for (let i = 0; i < data.length; i += 4) {
    const d = Math.abs(data[i]! - bg[0]) + Math.abs(data[i + 1]! - bg[1]) + Math.abs(data[i + 2]! - bg[2]);
    if (d > 24) different++;
  }
  const pixels = width * height;
  return {
    width,
    height,
    distinctColours: counts.size,
    background: `#${bg.map((c) => c.toString(16).padStart(2, '0')).join('')}`,
    nonBackgroundShare: pixels === 0 ? 0 : different / pixels,
  };
}

/** Hides every element but canvases (visibility is inherited, and a canvas may undo it). */
const CANVAS_ONLY_STYLE = 'body * { visibility: hidden !important; } body canvas { visibility: visible !important; }';

/** Thresholds of {@link canvasIsNotBlank}. */
export interface BlankThresholds {
  /** Least number of distinct colours; default 16 (a lit scene has hundreds). */
  minDistinctColours?: number;
  /** Least share of non-background pixels; default 0.02. */
  minNonBackgroundShare?: number;
}

/**
 * Screenshots the WebGL canvas (default: the first `canvas`) with the page's other elements
 * hidden, decodes the PNG and throws, with the figures, unless it shows enough colours and enough
 * non-background pixels. Returns the figures and the PNG (to save it).
 */
export async function canvasIsNotBlank(
  page: Page,
  selector = 'canvas',
  thresholds: BlankThresholds = {},
): Promise<CanvasStats & { png: Buffer }> {
  const canvas = page.locator(selector).first();
  await canvas.waitFor({ state: 'visible' });
  // Only the canvas's own pixels: HTML overlays drawn over it (toolbars, labels) are hidden while
  // the shot is taken, so a canvas that draws nothing cannot pass on the strength of its overlays.
  const png = await canvas.screenshot({ animations: 'disabled', style: CANVAS_ONLY_STYLE });
  const stats = measurePng(png);
  const minColours = thresholds.minDistinctColours ?? 16;
  const minShare = thresholds.minNonBackgroundShare ?? 0.02;
  if (stats.width === 0 || stats.height === 0 || stats.distinctColours < minColours || stats.nonBackgroundShare < minShare) {
    throw new Error(
      `the canvas looks blank: ${stats.width}×${stats.height}, ${stats.distinctColours} colours (need ${minColours}), ` +
        `${(stats.nonBackgroundShare * 100).toFixed(2)}% differs from background ${stats.background} (need ${(minShare * 100).toFixed(2)}%)`,
    );
  }
  return { ...stats, png };
}

// ---------------------------------------------------------------------------------------------
// (f) Screenshots

/** Saves a full-page screenshot (or the given PNG) as `tests/artifacts/NAME`; returns the path. */
export async function saveScreenshot(page: Page, name: string, png?: Buffer): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await writeFile(file, png ?? (await page.screenshot({ animations: 'disabled' })));
  return file;
}

/** What a file chooser accepts: a path, or a named buffer. */
export type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * Clicks a top-bar command (Share, Embed, New, Open, Save) as a user would: the button when the
 * bar shows it, else the same command in the "More" menu (narrow windows move commands there).
 */
export async function clickTopBarCommand(page: Page, label: string): Promise<void> {
  const bar = page.locator('header.topbar nav.actions');
  const exact = new RegExp(`^${label}$`);
  const button = bar.locator(':scope > button', { hasText: exact });
  if (await button.isVisible()) return button.click();
  await bar.locator('[data-command-menu] > summary').click();
  await bar.locator('[data-command-menu] .menu-items button', { hasText: exact }).click();
}

/** Opens a cell file through the top bar's Open command (see {@link clickTopBarCommand}). */
export async function openCellFile(page: Page, file: ChosenFile): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickTopBarCommand(page, 'Open')]);
  await chooser.setFiles(file);
}
