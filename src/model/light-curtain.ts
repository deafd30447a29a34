/**
 * Geometry of a safety light curtain item: two posts (emitter and receiver) on the item's x axis
 * with the beam span `width` between their inner faces, and the protective field from
 * `elevation` to `elevation + height` above the floor. One place for these numbers, so the
 * scene, the plan, the footprint, the layout checks and the physics all draw the same curtain.
 */
import type { CellItem, FenceItem, LightCurtainItem } from './cell';

/** Side of a post's square section (m): a typical mounting column around a 30 × 40 mm housing. */
export const CURTAIN_POST = 0.05;
/** Lowest beam above the floor when the item does not say (m): ISO 13855's limit against crawling under. */
export const CURTAIN_DEFAULT_ELEVATION = 0.3;
/** How far a post rises above the top beam (end cap and mounting bracket, m). */
export const CURTAIN_POST_CAP = 0.05;

/** Where a curtain's parts are, in its own frame (origin at the middle of the span on the floor). */
export interface CurtainGeometry {
  /** x of the two post centres (−, +). */
  postX: [number, number];
  /** Height of the posts, floor to top. */
  postHeight: number;
  /** Lowest and highest beam above the floor. */
  fieldBottom: number;
  fieldTop: number;
  /** Overall size along x, y, z (posts included). */
  extent: [number, number, number];
}

/** The curtain's posts, field and overall size. */
export function curtainGeometry(item: Pick<LightCurtainItem, 'width' | 'height' | 'elevation'>): CurtainGeometry {
  const fieldBottom = item.elevation ?? CURTAIN_DEFAULT_ELEVATION;
  const fieldTop = fieldBottom + item.height;
  const postHeight = fieldTop + CURTAIN_POST_CAP;
  const x = item.width / 2 + CURTAIN_POST / 2;
  return { postX: [-x, x], postHeight, fieldBottom, fieldTop, extent: [item.width + 2 * CURTAIN_POST, CURTAIN_POST, postHeight] };
}

/** True for the items that guard the cell: fences and light curtains. */
export function isGuard(item: CellItem): item is FenceItem | LightCurtainItem {
  return item.type === 'fence' || item.type === 'lightCurtain';
}
