/**
 * What the plan draws inside an item's footprint (SVG, 1 unit = 1 mm, item frame, y already
 * flipped by the caller): a rectangle for most items; for a light curtain its two posts and the
 * protective field between them as a dashed red line, so it reads as an opening, not a wall; a
 * circle for a cylinder part.
 */
import { curtainGeometry, CURTAIN_POST, type CellItem } from '../model';

const mm = (m: number) => Math.round(m * 1000);

/** The outline of `item`, whose footprint is `w` × `h` mm, filled with `fill`. */
export function planOutline(item: CellItem, w: number, h: number, fill: string): string {
  if (item.type === 'lightCurtain') {
    const g = curtainGeometry(item);
    const post = mm(CURTAIN_POST);
    const posts = g.postX
      .map((x) => `<rect x="${mm(x) - post / 2}" y="${-post / 2}" width="${post}" height="${post}" fill="${fill}" stroke="#333" stroke-width="8"/>`)
      .join('');
    const half = mm(item.width) / 2;
    return `${posts}<line x1="${-half}" y1="0" x2="${half}" y2="0" stroke="#e0342b" stroke-width="12" stroke-dasharray="40 25"/>`;
  }
  if (item.type === 'part' && item.shape.type === 'cylinder') {
    return `<circle cx="0" cy="0" r="${mm(item.shape.radius)}" fill="${fill}" stroke="#333" stroke-width="8"/>`;
  }
  return `<rect x="${-w / 2}" y="${-h / 2}" width="${w}" height="${h}" fill="${fill}" stroke="#333" stroke-width="8"/>`;
}
