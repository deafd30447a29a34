/**
 * Guarding in the layout checks: fences and safety light curtains both close the cell off, so a
 * robot's reach is measured to the nearest of either (a curtain as a guard segment across its
 * opening, posts included). For clashes, only what is solid counts: a curtain's two posts, not
 * the light between them, so a conveyor may run through a curtain's opening.
 */
import { curtainGeometry, CURTAIN_POST, type CellItem } from '../model';
import { floorRect, overlapDepth, type FloorRect } from './footprint';

export { isGuard } from '../model';

/** The solid parts of an item's footprint: a light curtain's two posts, else the whole footprint. */
export function solidRects(item: CellItem): FloorRect[] {
  const whole = floorRect(item);
  if (item.type !== 'lightCurtain') return [whole];
  const c = Math.cos(whole.yaw);
  const s = Math.sin(whole.yaw);
  const half = CURTAIN_POST / 2;
  return curtainGeometry(item).postX.map((x) => ({ cx: whole.cx + x * c, cy: whole.cy + x * s, hx: half, hy: half, yaw: whole.yaw }));
}

/** How deep the solid parts of two items overlap (m); 0 or less when they do not. */
export function solidOverlapDepth(a: CellItem, b: CellItem): number {
  let depth = -Infinity;
  for (const ra of solidRects(a)) for (const rb of solidRects(b)) depth = Math.max(depth, overlapDepth(ra, rb));
  return depth;
}
