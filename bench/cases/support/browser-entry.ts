/**
 * Entry of the bundle the browser rows load into headless Chromium (built by support/browser.ts
 * with vite, minified like the app). It exposes `globalThis.celltwinBench`: `load` fetches the
 * robot's files into memory once, `batch` times calls of one side inside the page (so the
 * round trip to Node is never timed), `check` builds each side once and returns what it built.
 */
import {
  memoryResolver,
  ourDescription,
  ourView,
  referenceDescription,
  referenceView,
  viewCounts,
  type RobotInput,
  type ViewCounts,
} from './robot-tasks';

/** Which comparison a page runs. */
export type BrowserKind = 'description' | 'view';

/** A file the page fetches in `load`. */
export interface PageFile {
  key: string;
  kind: 'mesh' | 'texture';
  url: string;
}

/** What `check` returns: the trees (and, for views, meshes) both sides built. */
export interface PageCheck {
  ours: { links: number; joints: number };
  reference: { links: number; joints: number };
  oursView?: ViewCounts;
  referenceView?: ViewCounts;
}

/** The page's API, called through page.evaluate. */
export interface BenchPageApi {
  load(spec: { fileName: string; text: string; files: PageFile[] }): Promise<{ crossOriginIsolated: boolean; files: number }>;
  batch(kind: BrowserKind, side: 'ours' | 'reference', calls: number): Promise<number>;
  check(kind: BrowserKind): Promise<PageCheck>;
}

let input: RobotInput | undefined;
let sink: unknown;

function robotInput(): RobotInput {
  if (!input) throw new Error('celltwinBench.load() has not run');
  return input;
}

const tasks: Record<BrowserKind, Record<'ours' | 'reference', () => unknown>> = {
  description: {
    ours: () => ourDescription(robotInput()),
    reference: () => referenceDescription(robotInput()),
  },
  view: {
    ours: () => ourView(robotInput(), memoryResolver(robotInput())),
    reference: () => referenceView(robotInput(), memoryResolver(robotInput())),
  },
};

const api: BenchPageApi = {
  async load(spec) {
    const meshes = new Map<string, ArrayBuffer>();
    const textureUrls = new Map<string, string>();
    await Promise.all(
      spec.files.map(async (f) => {
        const res = await fetch(f.url);
        if (!res.ok) throw new Error(`${f.url}: HTTP ${res.status}`);
        if (f.kind === 'mesh') meshes.set(f.key, await res.arrayBuffer());
        else textureUrls.set(f.key, URL.createObjectURL(await res.blob()));
      }),
    );
    input = { fileName: spec.fileName, text: spec.text, meshes, textureUrls };
    return { crossOriginIsolated: globalThis.crossOriginIsolated === true, files: spec.files.length };
  },

  async batch(kind, side, calls) {
    const task = tasks[kind][side];
    // Untimed: let callbacks left by the last batch (texture loads of a view) run first. No forced
    // gc() here: tried, it shrinks the heap so the next call pays extra scavenges (parseUrdf went
    // from ~9 to ~30-45 ms on the PR2), which distorts more than it steadies.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const r = task();
      sink = r instanceof Promise ? await r : r;
    }
    const ms = performance.now() - start;
    void sink;
    return ms;
  },

  async check(kind) {
    const ours = ourDescription(robotInput()).robot;
    const reference = referenceDescription(robotInput());
    const out: PageCheck = {
      ours: { links: ours.links.length, joints: ours.joints.length },
      reference: { links: Object.keys(reference.links).length, joints: Object.keys(reference.joints).length },
    };
    if (kind === 'view') {
      out.oursView = viewCounts(await ourView(robotInput(), memoryResolver(robotInput())));
      out.referenceView = viewCounts(await referenceView(robotInput(), memoryResolver(robotInput())));
    }
    return out;
  },
};

(globalThis as { celltwinBench?: BenchPageApi }).celltwinBench = api;
