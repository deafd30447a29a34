/**
 * xacro → URDF with npm `xacro-parser`, with `$(find pkg)` resolved against the packages the user
 * gave and files read through an injected async reader, so the same code expands a xacro from
 * disk (Node), from a dropped folder or from a zip (page).
 *
 * xacro-parser handles the ROS-Industrial xacros (KUKA, ABB, FANUC, Yaskawa, Robotiq) exactly as
 * ROS's xacro does, but not UR, Panda, Kinova Gen3 or Jaco2 (they use `xacro.load_yaml`, Python
 * builtins or ROS Jade syntax; see tests/corpus/SOURCES.md). Those fail with one UrdfError
 * that says so and suggests the pre-expanded .urdf, never with a crash or a hang on a missing file.
 */
import { XacroParser } from 'xacro-parser';
import { UrdfError } from './errors';
import { readRobot, type ParseUrdfOptions, type UrdfParseResult } from './parse-urdf';
import { dirname, joinPath, lookupPackage, type PackageMap } from './paths';
import { parseXml, writeXml, type XmlElement } from './xml';
import { checkMacroRecursion } from './xacro-recursion';

/** Reads a text file by path (Node: fs; page: a dropped folder or a zip). */
export type TextReader = (path: string) => Promise<string>;

/** How to expand a xacro file. */
export interface XacroOptions {
  /**
   * Where `$(find NAME)` points. Give absolute folders (as the working path): xacro-parser
   * prefixes any path not starting with `/` with the including file's folder.
   */
  packages?: PackageMap;
  /** Reads included files; paths are `$(find)` directories or the including file's folder joined with the name. */
  readFile: TextReader;
  /** xacro arguments, as `name:=value` on ROS's command line. */
  args?: Readonly<Record<string, string>>;
  /** Folder for relative includes; defaults to the folder of `fileName`. */
  workingPath?: string;
  /**
   * A DOMParser class for xacro-parser, which needs one as a global. The page has it; Node does
   * not, so Node callers pass linkedom's (`import { DOMParser } from 'linkedom'`).
   */
  domParser?: unknown;
}

/** The expanded robot as URDF text and as an element tree. */
export interface XacroResult {
  urdf: string;
  root: XmlElement;
}

/** Several expansions may run at once; the borrowed global stays until the last one ends. */
let borrowedDomParser = 0;

async function withDomParser<T>(domParser: unknown, run: () => Promise<T>): Promise<T> {
  const g = globalThis as { DOMParser?: unknown };
  const borrow = domParser !== undefined && (g.DOMParser === undefined || borrowedDomParser > 0);
  if (borrow) {
    g.DOMParser = domParser;
    borrowedDomParser++;
  } else if (g.DOMParser === undefined) {
    throw new Error('xacro expansion needs a DOMParser: pass options.domParser (e.g. linkedom) outside the browser');
  }
  try {
    return await run();
  } finally {
    if (borrow && --borrowedDomParser === 0) delete g.DOMParser;
  }
}

/** Converts the DOM xacro-parser returns into our element tree (no line numbers survive). */
function fromDom(element: Element): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attr of Array.from(element.attributes)) attributes[attr.name] = attr.value;
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
  }
  return { name: element.tagName, attributes, children: Array.from(element.children).map(fromDom), text, line: 0 };
}

/**
 * Refuses an included file nested past MAX_XML_DEPTH, or whose macros recurse endlessly, before
 * xacro-parser recurses into it (its other faults are left to xacro-parser, which is more lenient
 * than our XML reader).
 */
function checkDepth(text: string, path: string, setCause: (e: UrdfError) => void): void {
  try {
    checkMacroRecursion(parseXml(text, path), path);
  } catch (e) {
    if (e instanceof UrdfError && /nested more than|more than the limit|endless recursion/.test(e.message)) {
      setCause(e);
      throw e;
    }
  }
}

/** Frames of a tiny function that must still fit on the stack when xacro-parser evaluates an expression. */
const STACK_HEADROOM = 2_000;

function probe(depth: number): number {
  return depth === 0 ? 0 : 1 + probe(depth - 1);
}

/**
 * Stops macro recursion that an `xacro:if` would end only after too many levels (a counter from
 * 100,000): before each expression, check that the stack still has room for STACK_HEADROOM
 * frames, and refuse with a UrdfError while there is room to unwind. Running out inside
 * xacro-parser instead makes V8 print a stack dump on stderr before any error reaches us.
 */
function guardRecursion(parser: XacroParser, fileName: string, setCause: (e: UrdfError) => void): void {
  const expressions = (parser as unknown as { expressionParser?: { evaluate?: (...args: unknown[]) => unknown } }).expressionParser;
  const evaluate = expressions?.evaluate;
  if (!expressions || typeof evaluate !== 'function') return;
  expressions.evaluate = (...args: unknown[]): unknown => {
    try {
      probe(STACK_HEADROOM);
    } catch {
      const e = new UrdfError(fileName, 'xacro macros recurse too deeply (thousands of levels); refused');
      setCause(e);
      throw e;
    }
    return evaluate.apply(expressions, args);
  };
}

/**
 * Expands xacro `text` (from `fileName`) into URDF. Throws a UrdfError naming the file on malformed
 * XML (with its line), an unknown package, an unreadable include, or anything xacro-parser cannot do.
 */
export async function expandXacro(text: string, fileName: string, options: XacroOptions): Promise<XacroResult> {
  // Check well-formedness (and refuse entity bombs, deep nesting and endless macro recursion)
  // with line numbers before xacro-parser sees it.
  checkMacroRecursion(parseXml(text, fileName), fileName);
  let cause: UrdfError | undefined;
  const parser = new XacroParser();
  parser.workingPath = options.workingPath ?? dirname(fileName);
  parser.arguments = { ...options.args };
  // xacro-parser asks here first for every $(command ...); returning undefined lets it handle
  // $(arg) itself from `arguments` and the file's defaults.
  parser.rospackCommands = ((command: string, ...args: string[]): string | undefined => {
    if (command === 'arg') return undefined;
    // No environment in the page: $(optenv VAR default) takes its default, as with VAR unset.
    if (command === 'optenv') return args.slice(1).join(' ');
    const name = args[0] ?? '';
    let dir: string | undefined;
    try {
      dir = command === 'find' ? lookupPackage(options.packages, name) : undefined;
    } catch (e) {
      // The package search read a damaged package.xml (in a zip): keep its message.
      if (e instanceof UrdfError) cause = e;
      throw e;
    }
    if (dir !== undefined) return dir;
    cause = new UrdfError(
      fileName,
      command === 'find'
        ? `$(find ${name}): package "${name}" is not known (give it as --package ${name}=DIR)`
        : `xacro substitution $(${[command, ...args].join(' ')}) is not supported`,
    );
    throw cause;
  }) as (command: string, ...args: string[]) => string;
  parser.getFileContents = async (path: string): Promise<string> => {
    let included: string;
    try {
      included = await options.readFile(joinPath('.', path));
    } catch (e) {
      cause = e instanceof UrdfError ? e : new UrdfError(fileName, `xacro include "${path}" cannot be read`);
      throw cause;
    }
    checkDepth(included, path, (e) => (cause = e));
    return included;
  };
  guardRecursion(parser, fileName, (e) => (cause = e));
  let doc: XMLDocument;
  try {
    doc = await withDomParser(options.domParser, () => parser.parse(text));
  } catch (e) {
    if (cause) throw cause;
    // xacro-parser nests its messages over several lines; the CLI prints one.
    const message = (e instanceof Error ? e.message : String(e))
      .replace(/XacroParser:\s*/g, '')
      .replace(/\.?\s*\n\s*/g, '; ')
      .replace(/[.;\s]+$/, '');
    throw new UrdfError(fileName, `xacro expansion failed: ${message} (xacro-parser cannot expand every xacro; run ROS's xacro to get a .urdf)`);
  }
  const robot = doc.children[0] ?? doc.documentElement;
  if (!robot) throw new UrdfError(fileName, 'xacro expansion produced no XML element');
  const root = fromDom(robot);
  return { root, urdf: `<?xml version="1.0"?>\n${writeXml(root)}\n` };
}

/**
 * Expands a xacro file and reads the robot from it. Errors after expansion name the xacro file
 * without a line: lines of the expanded text do not match the file the user has.
 */
export async function parseXacro(
  text: string,
  fileName: string,
  options: XacroOptions & ParseUrdfOptions,
): Promise<UrdfParseResult & { urdf: string }> {
  const { root, urdf } = await expandXacro(text, fileName, options);
  try {
    return { ...readRobot(root, fileName, options.strict ? { strict: true } : {}), urdf };
  } catch (e) {
    if (e instanceof UrdfError) throw new UrdfError(fileName, `after xacro expansion: ${e.message}`);
    throw e;
  }
}
