/**
 * The URDF rows of issue 3's benchmark, made for one corpus robot at a time:
 *
 * - description, Node: text → usable robot tree. Ours: parseUrdf (saxes). Reference: urdf-loader
 *   `parse(text)` with no mesh loading, on linkedom's DOMParser (what urdf-loader needs in Node).
 * - description, Chromium: the same two tasks in the browser, where urdf-loader gets the native
 *   DOMParser. This is the ratio the app sees.
 * - view, Chromium: text → three.js robot with every mesh (visual and collision) parsed. Ours:
 *   parseUrdf + loadRobotView (our mesh callback, placeholders, collider material). Reference:
 *   urdf-loader + STLLoader/ColladaLoader on the same bytes (both in support/robot-tasks.ts).
 *   Chromium only: the same tasks do run in Node on linkedom (checked once: same meshes and
 *   triangles), but there ColladaLoader parses on linkedom's pure-JS DOMParser instead of the
 *   browser's and no texture is ever requested, which is nothing the app runs.
 *
 * Every row checks in setup that both sides build the tree the corpus manifest gives (and, for
 * views, the same number of meshes and triangles), so a row never compares different results.
 */
import { defineCase, type BenchCase } from '../../harness';
import { openBrowserPair, type BrowserPair } from './browser';
import { readCorpusRobot, type CorpusRobot } from './corpus-robots';
import { installDomGlobals } from './dom';
import { ourDescription, referenceDescription } from './robot-tasks';

function checkTree(robot: CorpusRobot, side: string, got: { links: number; joints: number }): void {
  const want = robot.expected;
  if (got.links !== want.links || got.joints !== want.joints) {
    throw new Error(`${robot.urdf}: ${side} built ${got.links} links / ${got.joints} joints; the manifest says ${want.links} / ${want.joints}`);
  }
}

/** Description path in Node: parseUrdf against urdf-loader on linkedom. */
export function nodeDescriptionCase(name: string, label: string): BenchCase {
  let removeDom: (() => void) | undefined;
  return defineCase({
    name: `urdf ${label}: description (node)`,
    ours: 'parseUrdf(text) → RobotDescription (saxes; src/io/urdf), in Node',
    reference: 'urdf-loader parse(text), parseCollision on, no mesh loading, on linkedom DOMParser, in Node',
    async setup() {
      removeDom = installDomGlobals();
      const robot = await readCorpusRobot(name, false);
      const ours = ourDescription(robot.input).robot;
      checkTree(robot, 'parseUrdf', { links: ours.links.length, joints: ours.joints.length });
      const reference = referenceDescription(robot.input);
      checkTree(robot, 'urdf-loader', { links: Object.keys(reference.links).length, joints: Object.keys(reference.joints).length });
      return { ours: () => ourDescription(robot.input), reference: () => referenceDescription(robot.input) };
    },
    teardown() {
      removeDom?.();
    },
  });
}

/** Description path in headless Chromium: parseUrdf against urdf-loader on the native DOMParser. */
export function browserDescriptionCase(name: string, label: string): BenchCase {
  let page: BrowserPair | undefined;
  return defineCase({
    name: `urdf ${label}: description (chromium)`,
    ours: 'parseUrdf(text) → RobotDescription, in headless Chromium (timed in the page)',
    reference: 'urdf-loader parse(text), parseCollision on, no mesh loading, native DOMParser, in headless Chromium',
    async setup() {
      const robot = await readCorpusRobot(name, false);
      page = await openBrowserPair(robot, 'description');
      checkTree(robot, 'parseUrdf', page.check.ours);
      checkTree(robot, 'urdf-loader', page.check.reference);
      return page.pair;
    },
    async teardown() {
      await page?.close();
    },
  });
}

/** Fully loaded view in headless Chromium: our view path against urdf-loader with three's loaders. */
export function browserViewCase(name: string, label: string): BenchCase {
  let page: BrowserPair | undefined;
  return defineCase({
    name: `urdf ${label}: full view (chromium)`,
    ours: 'parseUrdf + loadRobotView(text, description, meshes), visual+collision meshes, until done; headless Chromium',
    reference: 'urdf-loader parse(text), parseCollision on, STLLoader/ColladaLoader.parse on the same in-memory bytes, until every mesh is done; headless Chromium',
    async setup() {
      const robot = await readCorpusRobot(name);
      page = await openBrowserPair(robot, 'view');
      const { oursView, referenceView } = page.check;
      checkTree(robot, 'our view', { links: oursView?.links ?? -1, joints: oursView?.joints ?? -1 });
      checkTree(robot, 'urdf-loader view', { links: referenceView?.links ?? -1, joints: referenceView?.joints ?? -1 });
      if (JSON.stringify(oursView) !== JSON.stringify(referenceView)) {
        throw new Error(`${robot.urdf}: the two views differ: ours ${JSON.stringify(oursView)}, urdf-loader ${JSON.stringify(referenceView)}`);
      }
      return page.pair;
    },
    async teardown() {
      await page?.close();
    },
  });
}
