/**
 * Collision shapes of robot links from a URDF's `<collision>` elements. Boxes, cylinders and
 * spheres map directly. Meshes become convex hulls of their vertices — never triangle meshes,
 * which Rapier cannot collide well on moving bodies — computed once per file and cached. The
 * caller supplies vertices (the page has them from its mesh loaders); when it cannot (the CLI
 * does not decode meshes), the shape is left out and a warning says so.
 */
import { mat4Create, mat4FromXyzRpy } from '../kinematics/mat4';
import type { LinkDescription } from '../model/robot-description';
import type { ColliderPlan } from './body-plan';
import { poseOf } from './pose';

/** Friction of robot link surfaces. */
export const LINK_FRICTION = 0.5;
/** Meshes with more vertices than this are thinned before the hull is taken. */
export const MAX_HULL_POINTS = 2000;

/**
 * Vertices of a mesh file as x, y, z triples in the file's own units (before the URDF `scale`),
 * or undefined when the caller does not have them. `filename` is as written in the URDF.
 */
export type MeshVertexSource = (filename: string) => Float32Array | undefined;

/**
 * Thins a point cloud by keeping the first point in each cell of a grid 1/48 of the bounding
 * box's diagonal: the hull moves by at most a cell, and the result depends only on the input.
 */
export function decimatePoints(points: Float32Array, max = MAX_HULL_POINTS): Float32Array {
  const n = points.length / 3;
  if (n <= max) return points;
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = points[3 * i]!, y = points[3 * i + 1]!, z = points[3 * i + 2]!;
    minX = Math.min(minX, x); minY = Math.min(minY, y); minZ = Math.min(minZ, z);
    maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); maxZ = Math.max(maxZ, z);
  }
  const cell = Math.hypot(maxX - minX, maxY - minY, maxZ - minZ) / 48 || 1;
  const seen = new Set<string>();
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = points[3 * i]!, y = points[3 * i + 1]!, z = points[3 * i + 2]!;
    const key = `${Math.floor((x - minX) / cell)},${Math.floor((y - minY) / cell)},${Math.floor((z - minZ) / cell)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(x, y, z);
  }
  return Float32Array.from(kept);
}

/** Cached, thinned vertices per mesh file, and the scaled copies per file and scale. */
export class HullCache {
  private readonly thinned = new Map<string, Float32Array | null>();
  private readonly scaled = new Map<string, Float32Array>();

  constructor(private readonly source: MeshVertexSource | undefined) {}

  /** Points of `filename` scaled by `scale`, with a cache key; null when no vertices are known. */
  points(filename: string, scale: readonly [number, number, number]): { points: Float32Array; key: string } | null {
    let base = this.thinned.get(filename);
    if (base === undefined) {
      const raw = this.source?.(filename);
      base = raw && raw.length >= 12 ? decimatePoints(raw) : null;
      this.thinned.set(filename, base);
    }
    if (base === null) return null;
    const key = `${filename}@${scale.join(',')}`;
    let pts = this.scaled.get(key);
    if (!pts) {
      pts = new Float32Array(base.length);
      for (let i = 0; i < base.length; i++) pts[i] = base[i]! * scale[i % 3]!;
      this.scaled.set(key, pts);
    }
    return { points: pts, key };
  }
}

/**
 * The colliders of `link` in the link frame. Mesh shapes without vertices are skipped, with a
 * warning naming `bodyName` and the file.
 */
export function linkColliders(link: LinkDescription, bodyName: string, hulls: HullCache, warnings: string[]): ColliderPlan[] {
  const out: ColliderPlan[] = [];
  for (const c of link.collisions) {
    const pose = poseOf(mat4FromXyzRpy(mat4Create(), c.origin.xyz, c.origin.rpy));
    const g = c.geometry;
    const plan = (shape: ColliderPlan['shape']): ColliderPlan => ({ shape, pose, friction: LINK_FRICTION, role: 'solid' });
    switch (g.type) {
      case 'box':
        out.push(plan({ type: 'box', half: [g.size[0] / 2, g.size[1] / 2, g.size[2] / 2] }));
        break;
      case 'cylinder':
        out.push(plan({ type: 'cylinder', radius: g.radius, halfLength: g.length / 2 }));
        break;
      case 'sphere':
        out.push(plan({ type: 'sphere', radius: g.radius }));
        break;
      case 'mesh': {
        const hull = hulls.points(g.filename, g.scale);
        if (hull) out.push(plan({ type: 'hull', points: hull.points, key: hull.key }));
        else warnings.push(`${bodyName}: no vertices for collision mesh "${g.filename}"; that shape does not collide`);
        break;
      }
    }
  }
  return out;
}
