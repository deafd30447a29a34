/**
 * `<joint>` elements: type, parent and child, origin, a normalised axis, limits, mimic and
 * dynamics, with urdfdom's rules for what is required and what defaults to what.
 */
import type { Vec3 } from '../../model/geometry';
import type { JointDescription, JointLimits, JointType, Mimic } from '../../model/robot-description';
import { describe, fail, numberAttr, readOrigin, requireAttr, requireNumber, vec3Attr, type ReadContext } from './read-values';
import { child, type XmlElement } from './xml';

const JOINT_TYPES: readonly JointType[] = ['revolute', 'continuous', 'prismatic', 'fixed', 'floating', 'planar'];

/** Options that change how strictly joints are read. */
export interface JointReadOptions {
  /**
   * Refuse a revolute or prismatic joint without `<limit>`, exactly as urdfdom does. Off by
   * default: Drake's PR2 (in the corpus) has such joints and Drake, Gazebo and urdf-loader read
   * them as unlimited, so we do too and leave a warning.
   */
  strict?: boolean;
}

function jointType(ctx: ReadContext, element: XmlElement, where: string): JointType {
  const type = requireAttr(ctx, element, 'type', where);
  const known = JOINT_TYPES.find((t) => t === type);
  if (!known) fail(ctx, element, `${where}: unknown joint type "${type}" (expected ${JOINT_TYPES.join(', ')})`);
  return known;
}

function linkRef(ctx: ReadContext, element: XmlElement, tag: 'parent' | 'child', where: string): string {
  const ref = child(element, tag);
  if (!ref) fail(ctx, element, `${where} has no <${tag}> element`);
  return requireAttr(ctx, ref, 'link', `${where}: <${tag}>`);
}

/**
 * The axis as a unit vector. urdfdom reads it only for joints that move; fixed and floating
 * joints get the URDF default, whatever the file says.
 */
function readAxis(ctx: ReadContext, element: XmlElement, type: JointType, where: string): Vec3 {
  const axis = child(element, 'axis');
  if (!axis || type === 'fixed' || type === 'floating') return [1, 0, 0];
  requireAttr(ctx, axis, 'xyz', `${where}: <axis>`);
  const [x, y, z] = vec3Attr(ctx, axis, 'xyz', [1, 0, 0]);
  const length = Math.hypot(x, y, z);
  if (length < 1e-12) fail(ctx, axis, `${where}: the axis is zero (xyz="${axis.attributes.xyz ?? ''}"); a ${type} joint needs a direction`);
  return [x / length, y / length, z / length];
}

function readLimits(ctx: ReadContext, element: XmlElement, type: JointType, where: string, options: JointReadOptions): JointLimits | null {
  const limit = child(element, 'limit');
  const continuous = type === 'continuous';
  if (limit) {
    const velocity = requireNumber(ctx, limit, 'velocity', `${where}: <limit>`);
    const effort = requireNumber(ctx, limit, 'effort', `${where}: <limit>`);
    // urdfdom: lower and upper default to 0; a continuous joint has no position limits at all.
    const lower = continuous ? -Infinity : numberAttr(ctx, limit, 'lower', 0);
    const upper = continuous ? Infinity : numberAttr(ctx, limit, 'upper', 0);
    return { lower, upper, velocity, effort };
  }
  if (type === 'revolute' || type === 'prismatic') {
    if (options.strict) fail(ctx, element, `${where} is ${type} but has no <limit> (urdfdom requires one)`);
    ctx.warnings.push(`${where} is ${type} but has no <limit>: read as unlimited, with no speed or effort limit (urdfdom would refuse this file)`);
    return { lower: -Infinity, upper: Infinity, velocity: 0, effort: 0 };
  }
  return continuous ? { lower: -Infinity, upper: Infinity, velocity: 0, effort: 0 } : null;
}

function readMimic(ctx: ReadContext, element: XmlElement, where: string): Mimic | null {
  const mimic = child(element, 'mimic');
  if (!mimic) return null;
  return {
    joint: requireAttr(ctx, mimic, 'joint', `${where}: <mimic>`),
    multiplier: numberAttr(ctx, mimic, 'multiplier', 1),
    offset: numberAttr(ctx, mimic, 'offset', 0),
  };
}

/** Reads one `<joint>`. Link names are checked later, once every link is known. */
export function readJoint(ctx: ReadContext, element: XmlElement, options: JointReadOptions = {}): JointDescription {
  const name = requireAttr(ctx, element, 'name', '<joint>');
  const where = describe(element);
  const type = jointType(ctx, element, where);
  const joint: JointDescription = {
    name,
    type,
    parent: linkRef(ctx, element, 'parent', where),
    child: linkRef(ctx, element, 'child', where),
    origin: readOrigin(ctx, element),
    axis: readAxis(ctx, element, type, where),
    limits: readLimits(ctx, element, type, where, options),
    mimic: readMimic(ctx, element, where),
  };
  const dynamics = child(element, 'dynamics');
  if (dynamics) {
    joint.dynamics = { damping: numberAttr(ctx, dynamics, 'damping', 0), friction: numberAttr(ctx, dynamics, 'friction', 0) };
  }
  return joint;
}
