/**
 * Reading attribute values the way urdfdom does — numbers in the C locale, vectors of exactly
 * three numbers — but failing with one sentence that names the element, the attribute, the file
 * and the line, instead of urdfdom's log line and a null model.
 */
import type { Pose, Vec3 } from '../../model/geometry';
import { UrdfError } from './errors';
import { child, type XmlElement } from './xml';

/** What every reader needs: the file name for errors and a place to put warnings. */
export interface ReadContext {
  file: string;
  warnings: string[];
}

/** A decimal number as C's strtod accepts it in URDF files: no `inf`, `nan`, hex or commas. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Throws a UrdfError at `element`'s line. */
export function fail(ctx: ReadContext, element: XmlElement, message: string): never {
  throw new UrdfError(ctx.file, message, element.line > 0 ? element.line : undefined);
}

/** `<tag name="x">` for messages, so the user can find the element. */
export function describe(element: XmlElement): string {
  const name = element.attributes.name;
  return name !== undefined ? `<${element.name} name="${name}">` : `<${element.name}>`;
}

/** The attribute's value, or a clear error when it is missing. */
export function requireAttr(ctx: ReadContext, element: XmlElement, attr: string, where = describe(element)): string {
  const value = element.attributes[attr];
  if (value === undefined) fail(ctx, element, `${where} has no "${attr}" attribute`);
  return value;
}

/** Parses one number; `what` names it in the error. */
export function parseNumber(ctx: ReadContext, element: XmlElement, attr: string, text: string): number {
  const t = text.trim();
  const value = Number(t);
  if (!NUMBER.test(t) || !Number.isFinite(value)) {
    fail(ctx, element, `<${element.name}> ${attr}="${text}": "${t}" is not a number`);
  }
  return value;
}

/** Parses a whitespace-separated list of exactly `count` numbers. */
export function parseNumbers(ctx: ReadContext, element: XmlElement, attr: string, text: string, count: number): number[] {
  const parts = text.trim().split(/\s+/).filter((s) => s !== '');
  const bad = parts.find((p) => !NUMBER.test(p) || !Number.isFinite(Number(p)));
  if (bad !== undefined) fail(ctx, element, `<${element.name}> ${attr}="${text}": "${bad}" is not a number`);
  if (parts.length !== count) {
    fail(ctx, element, `<${element.name}> ${attr}="${text}": expected ${count} numbers, found ${parts.length}`);
  }
  return parts.map(Number);
}

/** An optional numeric attribute with a default. */
export function numberAttr(ctx: ReadContext, element: XmlElement, attr: string, fallback: number): number {
  const value = element.attributes[attr];
  return value === undefined ? fallback : parseNumber(ctx, element, attr, value);
}

/** A required numeric attribute. */
export function requireNumber(ctx: ReadContext, element: XmlElement, attr: string, where?: string): number {
  return parseNumber(ctx, element, attr, requireAttr(ctx, element, attr, where));
}

/** An optional three-number attribute with a default. */
export function vec3Attr(ctx: ReadContext, element: XmlElement, attr: string, fallback: Vec3): Vec3 {
  const value = element.attributes[attr];
  if (value === undefined) return [...fallback];
  const [x = 0, y = 0, z = 0] = parseNumbers(ctx, element, attr, value, 3);
  return [x, y, z];
}

/**
 * `<origin xyz rpy>` inside `element`; identity when absent, each part defaulting to zero.
 * `where` (e.g. `<joint name="j1">`) prefixes a bad-number message so the user knows whose origin.
 */
export function readOrigin(ctx: ReadContext, element: XmlElement, where = describe(element)): Pose {
  const origin = child(element, 'origin');
  if (!origin) return { xyz: [0, 0, 0], rpy: [0, 0, 0] };
  try {
    return { xyz: vec3Attr(ctx, origin, 'xyz', [0, 0, 0]), rpy: vec3Attr(ctx, origin, 'rpy', [0, 0, 0]) };
  } catch (e) {
    if (e instanceof UrdfError) throw new UrdfError(e.file, `${where}: ${e.message}`, e.line);
    throw e;
  }
}
