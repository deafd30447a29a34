/**
 * JSON Pointers (RFC 6901) into a cell document: `/items/2/speed`. One extension, because
 * array positions change whenever items are added: on an array of objects with an `id`, a
 * token that is not a number picks the element with that id (`/items/infeed/speed`).
 *
 * Every failure says which token did not resolve and what was there, so a sweep file's author
 * can fix the path without guessing.
 */

/** A pointer that does not resolve in a document. */
export class PointerError extends Error {}

/** The pointer's tokens, unescaped (`~1` → `/`, `~0` → `~`). Throws PointerError for a malformed pointer. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PointerError(`"${pointer}" is not a JSON Pointer: it must start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The index in `array` that `token` names (a position, or an element's id); −1 when none. */
function arrayIndex(array: unknown[], token: string): number {
  if (/^(0|[1-9]\d*)$/.test(token)) return Number(token) < array.length ? Number(token) : -1;
  return array.findIndex((e) => isObject(e) && e['id'] === token);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) {
    const ids = v.flatMap((e) => (isObject(e) && typeof e['id'] === 'string' ? [e['id']] : []));
    return ids.length > 0 ? `an array of ${v.length} (ids: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})` : `an array of ${v.length}`;
  }
  if (isObject(v)) return `an object with ${Object.keys(v).slice(0, 12).join(', ') || 'no fields'}`;
  return JSON.stringify(v) ?? String(v);
}

/** The container holding the pointer's last token, and that token (resolved to an index for arrays). */
function parentOf(doc: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string | number } {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) throw new PointerError('the pointer "" names the whole cell; name a field inside it');
  let node: unknown = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const at = `/${tokens.slice(0, i).join('/')}`;
    if (Array.isArray(node)) {
      const k = arrayIndex(node, t);
      if (k < 0) throw new PointerError(`"${t}" is not in ${at} (${describe(node)})`);
      node = node[k];
    } else if (isObject(node)) {
      if (!(t in node)) throw new PointerError(`no field "${t}" at ${at} (${describe(node)})`);
      node = node[t];
    } else throw new PointerError(`${at} is ${describe(node)}, not an object or array`);
  }
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(node)) {
    const k = arrayIndex(node, last);
    if (k < 0) throw new PointerError(`"${last}" is not in /${tokens.slice(0, -1).join('/')} (${describe(node)})`);
    return { parent: node, key: k };
  }
  if (isObject(node)) return { parent: node, key: last };
  throw new PointerError(`/${tokens.slice(0, -1).join('/')} is ${describe(node)}, not an object or array`);
}

/** The value at `pointer`, or undefined when its last field is absent. Throws PointerError when a step on the way fails. */
export function getPointer(doc: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  return Array.isArray(parent) ? parent[key as number] : parent[key as string];
}

/**
 * Sets the value at `pointer` in `doc` (changed in place). The last field may be new (a field
 * the base cell leaves at its default); everything before it must exist.
 */
export function setPointer(doc: unknown, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent[key as number] = value;
  else parent[key as string] = value;
}
