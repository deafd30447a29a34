/**
 * DOM globals for running urdf-loader in Node (bench only).
 *
 * urdf-loader's `parse(text)` needs `DOMParser`, `Document` and `Element` (it checks
 * `instanceof`); three's ColladaLoader needs `DOMParser` and `Node.TEXT_NODE`; three's ImageLoader
 * (DAE and URDF textures) calls `document.createElementNS`. linkedom provides all of them in pure
 * JavaScript. A case installs them in setup, before either side runs, so both sides see the same
 * globals, and removes them in teardown, so later cases run in a plain Node again.
 *
 * This file lives in a subfolder so bench/run.ts, which imports every file directly in
 * bench/cases/, does not take it for a case.
 */
import { DOMParser, Document, Element, Node, parseHTML } from 'linkedom';

const NAMES = ['DOMParser', 'Document', 'Element', 'Node', 'document'] as const;

/** Sets the DOM globals from linkedom; returns a function that puts the previous values back. */
export function installDomGlobals(): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(g, name)] as const);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  Object.assign(g, { DOMParser, Document, Element, Node, document });
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  };
}
