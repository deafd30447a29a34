/**
 * The cell as a 2D plan (SVG, top view, 1 SVG unit = 1 mm): the floor outline, every item's
 * footprint rotated by its yaw, labelled with its name and size, and the overall dimensions —
 * what a planner pins to a wall or pastes into a quote. Pure string work, so Node can make it too.
 */
import { itemExtent, itemTypeLabel, type Cell, type CellItem } from '../model';

const FILL: Record<CellItem['type'], string> = {
  robot: '#f6c89f',
  conveyor: '#c9ced3',
  table: '#e3e6e9',
  pallet: '#e8cf9f',
  machine: '#cfe0f1',
  fence: '#f2c200',
  operator: '#bcd3ee',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mm = (m: number) => Math.round(m * 1000);

/** One item's footprint as a rotated rectangle, in plan coordinates (y flipped: SVG y goes down). */
function itemShape(item: CellItem): string {
  const [sx, sy] = itemExtent(item);
  const [x, y] = item.pose.xyz;
  const yawDeg = (-item.pose.rpy[2] * 180) / Math.PI;
  const w = mm(sx);
  const h = mm(Math.max(sy, 0.02));
  const label = `${item.name} (${w} × ${mm(sy)} mm)`;
  const fontSize = Math.max(60, Math.min(140, w / 10));
  return [
    `<g transform="translate(${mm(x)} ${-mm(y)}) rotate(${yawDeg.toFixed(3)})">`,
    `<title>${esc(`${itemTypeLabel(item.type)} ${item.id}: ${label}`)}</title>`,
    `<rect x="${-w / 2}" y="${-h / 2}" width="${w}" height="${h}" fill="${FILL[item.type]}" stroke="#333" stroke-width="8"/>`,
    `<text x="0" y="${h / 2 + fontSize * 1.2}" font-size="${fontSize}" text-anchor="middle" fill="#222">${esc(item.name)}</text>`,
    '</g>',
  ].join('');
}

/** A dimension line with arrows and the length in mm. */
function dimension(x1: number, y1: number, x2: number, y2: number, text: string, vertical: boolean): string {
  const tx = (x1 + x2) / 2 + (vertical ? -60 : 0);
  const ty = (y1 + y2) / 2 + (vertical ? 0 : -40);
  const rotate = vertical ? ` transform="rotate(-90 ${tx} ${ty})"` : '';
  return (
    `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1e6fd9" stroke-width="6" marker-start="url(#arrow)" marker-end="url(#arrow)"/>` +
    `<text x="${tx}" y="${ty}" font-size="110" text-anchor="middle" fill="#1e6fd9"${rotate}>${text}</text>`
  );
}

/** The plan of `cell` as a standalone SVG document. */
export function cellPlanSvg(cell: Cell): string {
  const w = mm(cell.floor.width);
  const d = mm(cell.floor.depth);
  const margin = 600;
  const x0 = -w / 2 - margin;
  const y0 = -d / 2 - margin;
  const vw = w + 2 * margin;
  const vh = d + 2 * margin + 300;
  const items = cell.items.map(itemShape).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${vw} ${vh}" width="${vw / 10}mm" height="${vh / 10}mm" font-family="sans-serif">`,
    `<title>${esc(cell.name)}: plan, 1:10 (units mm)</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1e6fd9"/></marker></defs>',
    `<rect x="${x0}" y="${y0}" width="${vw}" height="${vh}" fill="#fff"/>`,
    `<rect x="${-w / 2}" y="${-d / 2}" width="${w}" height="${d}" fill="#f6f8fa" stroke="#1e6fd9" stroke-width="10" stroke-dasharray="80 40"/>`,
    dimension(-w / 2, -d / 2 - 250, w / 2, -d / 2 - 250, `${w} mm`, false),
    dimension(-w / 2 - 250, -d / 2, -w / 2 - 250, d / 2, `${d} mm`, true),
    items,
    `<text x="${-w / 2}" y="${d / 2 + 450}" font-size="120" fill="#333">${esc(cell.name)} · floor ${w} × ${d} mm · ${cell.items.length} items · top view, +X right, +Y up</text>`,
    '</svg>',
    '',
  ].join('\n');
}
