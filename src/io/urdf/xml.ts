/**
 * A small XML element tree with a line number on every element, built with saxes.
 *
 * Why saxes (npm `saxes`, the strict streaming parser jsdom uses for XML): the browser's
 * DOMParser and linkedom give no line numbers and accept broken XML silently, while every URDF
 * error must name its line. saxes is pure JavaScript, so this file runs unchanged in Node, in a
 * worker and in the page. It never expands DTD entities, and we refuse `<!ENTITY` outright, so a
 * "billion laughs" document fails at once instead of eating memory.
 */
import { SaxesParser } from 'saxes';
import { MAX_ROBOT_TEXT_CHARS, MAX_XML_DEPTH } from '../../model/input-limits';
import { UrdfError } from './errors';

/** One element: tag name as written (prefix included), attributes, child elements, own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element (concatenated, untrimmed). */
  text: string;
  /** 1-based line of the start tag; 0 when the element did not come from source text. */
  line: number;
}

/** Matches an XML declaration at the very start of the text, after optional whitespace. */
const XML_DECL = /^\s*<\?xml\s[\s\S]*?\?>/;

/**
 * TinyXML (what urdfdom uses) accepts a misspelt or misplaced XML declaration, and real files
 * carry them (`<?xml verison="1.0"?>` in ros/urdf's own tests), while saxes refuses it. The
 * declaration tells us nothing we need — the text is already decoded — so blank it out, keeping
 * the newlines so that line numbers stay right.
 */
function blankXmlDeclaration(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  return noBom.replace(XML_DECL, (decl) => decl.replace(/[^\n]/g, ' '));
}

/** Drops saxes's own `line:column: ` prefix: we report the line ourselves. */
function plainMessage(message: string): string {
  return message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
}

/**
 * Parses `text` into an element tree. Throws a UrdfError naming `fileName` and the line on
 * malformed XML, on a DTD that declares entities, on elements nested past MAX_XML_DEPTH, or when
 * the text has no root element.
 */
export function parseXml(text: string, fileName: string): XmlElement {
  if (text.length > MAX_ROBOT_TEXT_CHARS) {
    throw new UrdfError(fileName, `the file holds ${Math.round(text.length / (1024 * 1024))} MB of text, more than the limit of ${MAX_ROBOT_TEXT_CHARS / (1024 * 1024)} MB for a robot description`);
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let startLine = 1;
  let lastClosed: XmlElement | undefined;

  parser.on('error', (err) => {
    let message = plainMessage(err.message);
    // saxes does not say which tags clash; it has just popped the element left open.
    if (message === 'unexpected close tag' && lastClosed) {
      message = `a close tag does not match <${lastClosed.name}> opened at line ${lastClosed.line}`;
    }
    throw new UrdfError(fileName, `not well-formed XML: ${message}`, parser.line);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new UrdfError(fileName, 'the DOCTYPE declares entities (<!ENTITY>); entity expansion is refused', parser.line);
    }
  });
  // The line where the tag name was read, not where a multi-line start tag ends.
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '', line: startLine };
    // Everything after us (xacro-parser, the tree writers) recurses once per level.
    if (stack.length >= MAX_XML_DEPTH) throw new UrdfError(fileName, `elements nested more than ${MAX_XML_DEPTH} levels deep; refused`, startLine);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    lastClosed = stack.pop();
  });
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(blankXmlDeclaration(text)).close();
  } catch (e) {
    if (e instanceof UrdfError) throw e;
    throw new UrdfError(fileName, `not well-formed XML: ${plainMessage((e as Error).message)}`, parser.line);
  }
  if (!root) throw new UrdfError(fileName, 'no XML element found (empty or not an XML file)');
  return root;
}

/** The first child element called `name`, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** All child elements called `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Writes an element tree back as XML text, two-space indented, text kept only for leaf elements
 * (URDF puts no meaning in mixed content). Used to hand an expanded xacro to urdf-loader.
 */
export function writeXml(element: XmlElement, indent = ''): string {
  const attrs = Object.entries(element.attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (element.children.length === 0) {
    const text = element.text.trim();
    return text === '' ? `${indent}<${element.name}${attrs}/>` : `${indent}<${element.name}${attrs}>${escapeXml(text)}</${element.name}>`;
  }
  const inner = element.children.map((c) => writeXml(c, `${indent}  `)).join('\n');
  return `${indent}<${element.name}${attrs}>\n${inner}\n${indent}</${element.name}>`;
}
