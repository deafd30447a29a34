/**
 * DOM globals for running urdf-loader and three's ColladaLoader in Node (bench only).
 *
 * urdf-loader's `parse(text)` needs `DOMParser`, `Document` and `Element` (it checks
 * `instanceof`); ColladaLoader needs `DOMParser` and `Node.TEXT_NODE`; three's ImageLoader (DAE
 * textures) calls `document.createElementNS`. linkedom provides all of them in pure JavaScript.
 * Installed once, before either side of a comparison runs, so both sides see the same globals.
 *
 * This file lives in a subfolder so bench/run.ts, which imports every file directly in
 * bench/cases/, does not take it for a case.
 */
import { DOMParser, Document, Element, Node, parseHTML } from 'linkedom';

let installed = false;

/** Sets the DOM globals from linkedom (no-op when already done, or in a real browser). */
export function installDomGlobals(): void {
  if (installed || typeof (globalThis as { window?: unknown }).window !== 'undefined') return;
  installed = true;
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  g.DOMParser = DOMParser;
  g.Document = Document;
  g.Element = Element;
  g.Node = Node;
  g.document = document;
}
