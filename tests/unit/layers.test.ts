/**
 * The layer rules of docs/ARCHITECTURE.md ("Layers"), checked on the source text:
 * - the core layers (model, kinematics, motion, sim, physics) import no three, react, react-dom,
 *   @react-three/*, zustand, and touch no DOM globals, so they run in a worker and in Node;
 * - workers/ import no three or react;
 * - dependencies point down only: a file may import from its own level or below, never above.
 *   src/cli may import anything except the page layers (ui, scene, store, tools).
 * Each failure names the file and line. The scanner is tested on fake file texts too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Levels from the bottom up; layers on one level may import each other. */
const LEVELS: readonly (readonly string[])[] = [
  ['model'],
  ['kinematics', 'motion'],
  ['sim'],
  ['physics'],
  ['experiments'],
  ['io'],
  ['bridge'],
  ['store', 'tools'],
  ['scene', 'ui'],
];
const CORE_LAYERS = ['model', 'kinematics', 'motion', 'sim', 'physics'];
const PAGE_LAYERS = ['ui', 'scene', 'store', 'tools'];

const levelOf = (layer: string): number | undefined => {
  const i = LEVELS.findIndex((level) => level.includes(layer));
  return i < 0 ? undefined : i;
};

/** Packages the core layers must not import (a name or its sub-paths). */
const CORE_FORBIDDEN_PACKAGES = [/^three(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/, /^@react-three\//, /^zustand(\/|$)/, /^urdf-loader(\/|$)/];
/** Packages workers/ must not import. */
const WORKER_FORBIDDEN_PACKAGES = [/^three(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/, /^@react-three\//];
/** DOM globals the core layers must not touch. `x.document.y` (a property) is not the global. */
const DOM_GLOBALS = /(?<![\w$.])(?:(?:document|window)\s*\.|(?:DOMParser|localStorage|HTMLElement)\b)/g;

/** One broken rule: where and what. */
export interface Violation {
  file: string;
  line: number;
  message: string;
}

const formatViolation = (v: Violation) => `${v.file}:${v.line}: ${v.message}`;

/**
 * Blanks comments (always) and the contents of string, template and regex literals (when
 * `strings`), keeping every newline so line numbers stay right.
 */
export function blankNonCode(text: string, strings: boolean): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let lastCode = ''; // last non-space code character, to tell a regex literal from a division
  const templateDepth: number[] = []; // brace depth at each `${` we are inside
  let braces = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && (lastCode === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastCode))) {
      // A regex literal: skip to its closing slash (outside a character class).
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        const d = text[j]!;
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      if (strings) blank(i + 1, j);
      i = j + 1;
      lastCode = '/';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (strings) blank(i + 1, j);
      i = j + 1;
      lastCode = c;
    } else if (c === '`' || (c === '}' && templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braces)) {
      // Template text, from a backtick or from the `}` closing a `${…}`, up to `${` or the end.
      if (c === '}') templateDepth.pop();
      let j = i + 1;
      while (j < text.length && text[j] !== '`' && !(text[j] === '$' && text[j + 1] === '{')) j += text[j] === '\\' ? 2 : 1;
      if (strings) blank(i + 1, j);
      if (text[j] === '$') {
        templateDepth.push(braces);
        i = j + 2;
        lastCode = '{';
      } else {
        i = j + 1;
        lastCode = '`';
      }
    } else {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      if (!/\s/.test(c)) lastCode = c;
      i++;
    }
  }
  return out.join('');
}

/** An import found in a file: its specifier and its 1-based line. */
export interface ImportRef {
  specifier: string;
  line: number;
}

/**
 * Every module a file imports: `import … from 'x'`, `import 'x'`, `export … from 'x'`,
 * `import('x')`, `require('x')`, including type-only imports and multi-line import lists.
 */
export function findImports(text: string): ImportRef[] {
  const code = blankNonCode(text, false);
  const refs: ImportRef[] = [];
  const patterns = [
    /\bfrom\s*(['"])([^'"\n]+)\1/g,
    /\bimport\s*(['"])([^'"\n]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
    /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) {
      refs.push({ specifier: m[2]!, line: lineAt(code, m.index + m[0].indexOf(m[1]!)) });
    }
  }
  return refs.sort((a, b) => a.line - b.line);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** The layer (`src/<layer>/…`) a repository-relative path belongs to, or undefined. */
export function layerOfPath(relPath: string): string | undefined {
  const parts = relPath.split(/[\\/]/);
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/**
 * Checks one file's text against the rules for where it lives. `relPath` is relative to the
 * repository root with forward slashes (e.g. `src/sim/engine.ts`, `workers/sim.worker.ts`).
 */
export function checkFile(relPath: string, text: string): Violation[] {
  const violations: Violation[] = [];
  const layer = layerOfPath(relPath);
  const inWorkers = relPath.startsWith('workers/');
  const isCore = layer !== undefined && CORE_LAYERS.includes(layer);

  for (const { specifier, line } of findImports(text)) {
    const forbidden = isCore ? CORE_FORBIDDEN_PACKAGES : inWorkers ? WORKER_FORBIDDEN_PACKAGES : [];
    if (forbidden.some((re) => re.test(specifier))) {
      const where = isCore ? `the core layer ${layer}/` : 'workers/';
      violations.push({ file: relPath, line, message: `${where} must not import "${specifier}"` });
      continue;
    }
    if (layer === undefined || !specifier.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(relPath), specifier.replace(/\?.*$/, '')));
    const targetLayer = layerOfPath(`${target}/`); // `src/store` (its index) is in store/ too
    if (targetLayer === undefined || targetLayer === layer) continue;
    if (layer === 'cli') {
      if (PAGE_LAYERS.includes(targetLayer)) {
        violations.push({ file: relPath, line, message: `cli/ must not import from ${targetLayer}/ ("${specifier}"): the CLI runs without the page` });
      }
      continue;
    }
    const from = levelOf(layer);
    const to = levelOf(targetLayer);
    if (from === undefined) continue; // a folder that is not a layer of docs/ARCHITECTURE.md
    if (to === undefined) {
      violations.push({ file: relPath, line, message: `${layer}/ imports from ${targetLayer}/ ("${specifier}"), which is not a lower layer` });
    } else if (to > from) {
      violations.push({ file: relPath, line, message: `${layer}/ must not import from ${targetLayer}/, a layer above it ("${specifier}")` });
    }
  }

  if (isCore) {
    const lines = blankNonCode(text, true).split('\n');
    lines.forEach((content, k) => {
      for (const m of content.matchAll(DOM_GLOBALS)) {
        violations.push({ file: relPath, line: k + 1, message: `the core layer ${layer}/ must not use the DOM global "${m[0].replace(/\s*\.$/, '')}"` });
      }
    });
  }
  return violations;
}

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Source files under a repository folder, as repository-relative paths with forward slashes. */
function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(rel);
    return SOURCE_EXT.test(name) ? [rel] : [];
  });
}

const check = (files: string[]) => files.flatMap((rel) => checkFile(rel, readFileSync(path.join(ROOT, rel), 'utf8'))).map(formatViolation);

describe('layer rules of the source tree', () => {
  const coreFiles = CORE_LAYERS.flatMap((layer) => sourceFiles(`src/${layer}`));
  const otherLayerFiles = [...LEVELS.flat().filter((l) => !CORE_LAYERS.includes(l)), 'cli'].flatMap((layer) => sourceFiles(`src/${layer}`));

  it('finds the model sources to check', () => {
    expect(sourceFiles('src/model').length).toBeGreaterThan(0);
  });

  it('core layers import no three, react, zustand, and use no DOM globals', () => {
    const violations = check(coreFiles);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('every layer imports only from its own level or below, and cli/ not from the page', () => {
    const violations = check(otherLayerFiles);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('workers import no three or react', () => {
    const violations = check(sourceFiles('workers'));
    expect(violations, violations.join('\n')).toEqual([]);
  });
});

describe('the layer scanner', () => {
  const messages = (rel: string, text: string) => checkFile(rel, text).map(formatViolation);

  it('catches three, react, zustand and @react-three imports in a core layer, with their lines', () => {
    const text = [
      "import { Vector3 } from 'three';",
      "import type { Object3D } from 'three/src/core/Object3D';",
      "import {",
      "  create,",
      "} from 'zustand/vanilla';",
      "export { useFrame } from '@react-three/fiber';",
      "const R = await import('react');",
      "const D = require('react-dom/client');",
    ].join('\n');
    expect(messages('src/sim/engine.ts', text)).toEqual([
      'src/sim/engine.ts:1: the core layer sim/ must not import "three"',
      'src/sim/engine.ts:2: the core layer sim/ must not import "three/src/core/Object3D"',
      'src/sim/engine.ts:5: the core layer sim/ must not import "zustand/vanilla"',
      'src/sim/engine.ts:6: the core layer sim/ must not import "@react-three/fiber"',
      'src/sim/engine.ts:7: the core layer sim/ must not import "react"',
      'src/sim/engine.ts:8: the core layer sim/ must not import "react-dom/client"',
    ]);
  });

  it('catches DOM globals in a core layer but not in comments, strings or as properties', () => {
    const text = [
      '/** Reads the cell document. The window. */',
      "const title = 'see window.location';",
      'const w = window.innerWidth;',
      'const doc = cell.document.name; // document.body',
      'const p = new DOMParser();',
      'const s = `${document.title} and window.x`;',
      'localStorage.setItem("k", "v");',
      'function f(e: HTMLElement) {}',
      'const ok = /window\\./.test(x) || a / b;',
    ].join('\n');
    expect(messages('src/model/cell.ts', text)).toEqual([
      'src/model/cell.ts:3: the core layer model/ must not use the DOM global "window"',
      'src/model/cell.ts:5: the core layer model/ must not use the DOM global "DOMParser"',
      'src/model/cell.ts:6: the core layer model/ must not use the DOM global "document"',
      'src/model/cell.ts:7: the core layer model/ must not use the DOM global "localStorage"',
      'src/model/cell.ts:8: the core layer model/ must not use the DOM global "HTMLElement"',
    ]);
  });

  it('allows three and the DOM above the core layers', () => {
    const text = "import { Vector3 } from 'three';\nconst d = new DOMParser();\n";
    expect(messages('src/io/urdf.ts', text)).toEqual([]);
    expect(messages('src/scene/Cell.tsx', text)).toEqual([]);
  });

  it('catches an import from a layer above', () => {
    expect(messages('src/motion/trajectory.ts', "import { step } from '../sim/engine';")).toEqual([
      'src/motion/trajectory.ts:1: motion/ must not import from sim/, a layer above it ("../sim/engine")',
    ]);
    expect(messages('src/model/cell.ts', "import type { Store } from '../store';")).toEqual([
      'src/model/cell.ts:1: model/ must not import from store/, a layer above it ("../store")',
    ]);
    expect(messages('src/io/cells/read.ts', "import { client } from '../../bridge/client';")).toEqual([
      'src/io/cells/read.ts:1: io/ must not import from bridge/, a layer above it ("../../bridge/client")',
    ]);
  });

  it('allows imports from the same level and below', () => {
    expect(messages('src/motion/plan.ts', "import { fk } from '../kinematics/fk';\nimport type { Cell } from '../model';")).toEqual([]);
    expect(messages('src/tools/move.ts', "import { store } from '../store/cell';")).toEqual([]);
    expect(messages('src/ui/TopBar.tsx', "import { store } from '../store/cell';\nimport { Scene } from '../scene/CellCanvas';")).toEqual([]);
  });

  it('lets the CLI import any layer except the page layers', () => {
    expect(messages('src/cli/commands/run.ts', "import { run } from '../../sim/run';\nimport { read } from '../../io/cell-file';")).toEqual([]);
    expect(messages('src/cli/main.ts', "import { store } from '../store';")).toEqual([
      'src/cli/main.ts:1: cli/ must not import from store/ ("../store"): the CLI runs without the page',
    ]);
  });

  it('catches three or react in workers/ but not DOM-free worker code', () => {
    expect(messages('workers/sim.worker.ts', "import * as THREE from 'three';\nimport { step } from '../src/sim';")).toEqual([
      'workers/sim.worker.ts:1: workers/ must not import "three"',
    ]);
  });
});
