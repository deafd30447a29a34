/**
 * Rapier collider descriptions from the simulation's collider plans. What each body kind gets:
 *
 * - robot links collide with everything (`ActiveCollisionTypes.ALL`: by default Rapier skips
 *   kinematic–fixed and kinematic–kinematic pairs, and those are exactly the crashes we report)
 *   and raise collision events;
 * - belts are frictionless with the `Min` combine rule, which wins over the parts' `Average`, so
 *   the belt drive alone sets what lies on them moving (see rapier-world.ts);
 * - sensors are Rapier sensors with events: they detect parts and push nothing;
 * - a part's collider carries its mass (Rapier derives the inertia from the shape).
 */
import type { BodyKind, ColliderPlan, ShapeSpec } from '../sim/body-plan';
import type { Rapier } from './rapier';

type ColliderDesc = InstanceType<Rapier['ColliderDesc']>;
type Shape = InstanceType<Rapier['Shape']>;

// Rapier's cylinders run along y; URDF's and ours along z. A quarter turn about x maps y to z.
const S = Math.SQRT1_2;

/** Builds collider descriptions; convex hulls are computed once per mesh key and reused. */
export class ColliderFactory {
  private readonly hulls = new Map<string, Shape | null>();

  constructor(private readonly R: Rapier) {}

  /** The description of one planned collider on a body of `kind` (`mass` for parts). */
  create(plan: ColliderPlan, kind: BodyKind, mass?: number): ColliderDesc | null {
    const R = this.R;
    const desc = this.shapeDesc(plan.shape);
    if (!desc) return null;
    const p = plan.pose;
    desc.setTranslation(p[0]!, p[1]!, p[2]!);
    let qx = p[3]!, qy = p[4]!, qz = p[5]!, qw = p[6]!;
    if (plan.shape.type === 'cylinder') {
      // q · (quarter turn about x) = q · (S, 0, 0, S)
      [qx, qy, qz, qw] = [S * (qw + qx), S * (qy + qz), S * (qz - qy), S * (qw - qx)];
    }
    desc.setRotation({ x: qx, y: qy, z: qz, w: qw });
    desc.setFriction(plan.friction);
    if (plan.role === 'belt') desc.setFrictionCombineRule(R.CoefficientCombineRule.Min);
    if (plan.role === 'sensor') {
      desc.setSensor(true);
      desc.setActiveEvents(R.ActiveEvents.COLLISION_EVENTS);
    }
    if (kind === 'link') {
      desc.setActiveCollisionTypes(R.ActiveCollisionTypes.ALL);
      desc.setActiveEvents(R.ActiveEvents.COLLISION_EVENTS);
    }
    if (kind === 'part' && mass !== undefined) desc.setMass(mass);
    return desc;
  }

  private shapeDesc(shape: ShapeSpec): ColliderDesc | null {
    const R = this.R;
    switch (shape.type) {
      case 'box':
        return R.ColliderDesc.cuboid(shape.half[0], shape.half[1], shape.half[2]);
      case 'cylinder':
        return R.ColliderDesc.cylinder(shape.halfLength, shape.radius);
      case 'sphere':
        return R.ColliderDesc.ball(shape.radius);
      case 'hull': {
        let hull = this.hulls.get(shape.key);
        if (hull === undefined) {
          hull = R.ColliderDesc.convexHull(shape.points)?.shape ?? null;
          this.hulls.set(shape.key, hull);
        }
        return hull ? new R.ColliderDesc(hull) : null;
      }
    }
  }
}
