/**
 * `<link>` and `<material>` elements: visuals and collisions with their geometry, colours, and
 * the inertial. Follows urdfdom's rules (what is required, what defaults to what) so a file that
 * `check_urdf` accepts reads the same here, and one it refuses is refused with a line number.
 */
import type {
  GeometryDescription,
  InertialDescription,
  LinkDescription,
  ShapeDescription,
} from '../../model/robot-description';
import {
  describe,
  fail,
  parseNumbers,
  readOrigin,
  requireAttr,
  requireNumber,
  vec3Attr,
  type ReadContext,
} from './read-values';
import { child, childrenNamed, type XmlElement } from './xml';

/** A named material: a colour and/or a texture file. */
export interface MaterialDef {
  color?: [number, number, number, number];
  texture?: string;
}

/** Materials by name: the robot-level ones first, then those first defined inside a visual. */
export type MaterialTable = Map<string, MaterialDef>;

/** Reads `<color rgba>` and `<texture filename>` of a `<material>` element. */
export function readMaterial(ctx: ReadContext, element: XmlElement): MaterialDef {
  const def: MaterialDef = {};
  const color = child(element, 'color');
  const rgba = color?.attributes.rgba;
  if (color && rgba !== undefined) {
    const [r = 0, g = 0, b = 0, a = 1] = parseNumbers(ctx, color, 'rgba', rgba, 4).map((v) => Math.min(1, Math.max(0, v)));
    def.color = [r, g, b, a];
  }
  const texture = child(element, 'texture')?.attributes.filename;
  if (texture !== undefined) def.texture = texture;
  return def;
}

/** Robot-level `<material>` elements; a name used twice is refused, as urdfdom does. */
export function readRobotMaterials(ctx: ReadContext, robot: XmlElement): MaterialTable {
  const table: MaterialTable = new Map();
  for (const element of childrenNamed(robot, 'material')) {
    const name = requireAttr(ctx, element, 'name', '<material> at robot level');
    if (table.has(name)) fail(ctx, element, `material "${name}" is defined twice at robot level`);
    table.set(name, readMaterial(ctx, element));
  }
  return table;
}

function readGeometry(ctx: ReadContext, owner: XmlElement, where: string): GeometryDescription {
  const geometry = child(owner, 'geometry');
  if (!geometry) fail(ctx, owner, `${where} has no <geometry>`);
  const shape = geometry.children[0];
  if (!shape) fail(ctx, geometry, `${where}: <geometry> is empty (expected box, cylinder, sphere or mesh)`);
  switch (shape.name) {
    case 'box': {
      const size = requireAttr(ctx, shape, 'size', `${where}: <box>`);
      const [x = 0, y = 0, z = 0] = parseNumbers(ctx, shape, 'size', size, 3);
      return { type: 'box', size: [x, y, z] };
    }
    case 'cylinder':
      return {
        type: 'cylinder',
        radius: requireNumber(ctx, shape, 'radius', `${where}: <cylinder>`),
        length: requireNumber(ctx, shape, 'length', `${where}: <cylinder>`),
      };
    case 'sphere':
      return { type: 'sphere', radius: requireNumber(ctx, shape, 'radius', `${where}: <sphere>`) };
    case 'mesh':
      return {
        type: 'mesh',
        filename: requireAttr(ctx, shape, 'filename', `${where}: <mesh>`),
        scale: vec3Attr(ctx, shape, 'scale', [1, 1, 1]),
      };
    default:
      return fail(ctx, shape, `${where}: unknown geometry <${shape.name}> (expected box, cylinder, sphere or mesh)`);
  }
}

/**
 * A visual's colour. As in urdfdom, a robot-level material of the same name wins over the one
 * written inline, and an inline definition becomes visible to later links by its name. A name
 * nobody defines is only a warning here (urdfdom refuses it): the robot is still usable, grey.
 */
function resolveMaterial(ctx: ReadContext, visual: XmlElement, where: string, table: MaterialTable): MaterialDef {
  const element = child(visual, 'material');
  if (!element) return {};
  const name = requireAttr(ctx, element, 'name', `${where}: <material>`);
  const inline = readMaterial(ctx, element);
  const known = name !== '' ? table.get(name) : undefined;
  if (known) return known;
  if (inline.color || inline.texture !== undefined) {
    if (name !== '') table.set(name, inline);
    return inline;
  }
  ctx.warnings.push(`${where}: material "${name}" is not defined; the visual has no colour`);
  return {};
}

function readShape(ctx: ReadContext, element: XmlElement, where: string, table: MaterialTable | null): ShapeDescription {
  const shape: ShapeDescription = { origin: readOrigin(ctx, element, where), geometry: readGeometry(ctx, element, where) };
  if (table) {
    const material = resolveMaterial(ctx, element, where, table);
    if (material.color) shape.color = [...material.color];
    if (material.texture !== undefined) shape.texture = material.texture;
  }
  return shape;
}

function readInertial(ctx: ReadContext, element: XmlElement, where: string): InertialDescription {
  const mass = child(element, 'mass');
  if (!mass) fail(ctx, element, `${where}: <inertial> has no <mass>`);
  const inertia = child(element, 'inertia');
  if (!inertia) fail(ctx, element, `${where}: <inertial> has no <inertia>`);
  const keys = ['ixx', 'ixy', 'ixz', 'iyy', 'iyz', 'izz'] as const;
  const [ixx = 0, ixy = 0, ixz = 0, iyy = 0, iyz = 0, izz = 0] = keys.map((k) =>
    requireNumber(ctx, inertia, k, `${where}: <inertia>`),
  );
  return {
    origin: readOrigin(ctx, element, `${where} <inertial>`),
    mass: requireNumber(ctx, mass, 'value', `${where}: <mass>`),
    inertia: [ixx, ixy, ixz, iyy, iyz, izz],
  };
}

/** Reads one `<link>`; `table` collects materials first defined inline. */
export function readLink(ctx: ReadContext, element: XmlElement, table: MaterialTable): LinkDescription {
  const name = requireAttr(ctx, element, 'name', '<link>');
  const where = describe(element);
  const inertial = child(element, 'inertial');
  return {
    name,
    visuals: childrenNamed(element, 'visual').map((v) => readShape(ctx, v, `${where} <visual>`, table)),
    collisions: childrenNamed(element, 'collision').map((c) => readShape(ctx, c, `${where} <collision>`, null)),
    inertial: inertial ? readInertial(ctx, inertial, where) : null,
  };
}
