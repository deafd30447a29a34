/**
 * The cell as a 2D plan (SVG, top view, 1 SVG unit = 1 mm): the floor outline, every item's
 * footprint rotated by its yaw, labelled with its name and size, and the overall dimensions —
 * what a planner pins to a wall or pastes into a quote — with the bounding footprint and each
 * robot's distance to its nearest fence dimensioned too (plan-svg-dimensions.ts), and each robot
 * as a base symbol with its name and reach circle (plan-svg-robots.ts). Pure string
 * work, so Node can make it too; the app shows the same document in its Plan view.
 */
import { isMountItem, itemExtent, itemTypeLabel, type Cell, type CellItem, type RobotItem } from '../model';
import { robotReachMarkup, robotSymbolMarkup } from './plan-svg-robots';
import { planOutline } from './plan-svg-outlines';
import { planDimensions } from './plan-dimensions';
import { planDimensionMarkup, planFrame } from './plan-svg-dimensions';

const FILL: Record<CellItem['type'], string> = {
  robot: '#f6c89f',
  conveyor: '#c9ced3',
  table: '#e3e6e9',
  pallet: '#e8cf9f',
  machine: '#cfe0f1',
  fence: '#f2c200',
  operator: '#bcd3ee',
  lightCurtain: '#f2c200',
  part: '#9cc3ea',
  pedestal: '#aab2ba',
  track: '#9aa3ad',
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
  // A pedestal's or track's robot labels the spot below; the mount's own name goes above it.
  const labelY = isMountItem(item) ? -h / 2 - fontSize * 0.4 : h / 2 + fontSize * 1.2;
  // A robot is a base symbol with its name (plan-svg-robots.ts); its reach circle is drawn under everything.
  const body =
    item.type === 'robot'
      ? robotSymbolMarkup(item)
      : planOutline(item, w, h, FILL[item.type]) + `<text x="0" y="${labelY}" font-size="${fontSize}" text-anchor="middle" fill="#222">${esc(item.name)}</text>`;
  return [
    `<g transform="translate(${mm(x)} ${-mm(y)}) rotate(${yawDeg.toFixed(3)})" data-item-id="${esc(item.id)}">`,
    `<title>${esc(`${itemTypeLabel(item.type)} ${item.id}: ${label}`)}</title>`,
    body,
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
  // The footprint and robot-to-fence dimensions (plan-svg-dimensions.ts); the frame grows to
  // hold items placed beyond the floor.
  const dims = planDimensions(cell);
  const { x0, y0, vw, vh, captionY } = planFrame(dims);
  // Mounts first and robots last, so a robot standing on a mount or a table is drawn over it.
  const order = (i: CellItem): number => (isMountItem(i) ? 0 : i.type === 'robot' ? 2 : 1);
  const items = [...cell.items]
    .sort((a, b) => order(a) - order(b))
    .map(itemShape)
    .join('\n');
  const reaches = cell.items
    .filter((i): i is RobotItem => i.type === 'robot')
    .map(robotReachMarkup)
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${vw} ${vh}" width="${vw / 10}mm" height="${vh / 10}mm" font-family="sans-serif">`,
    `<title>${esc(cell.name)}: plan, 1:10 (units mm)</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1e6fd9"/></marker></defs>',
    `<rect x="${x0}" y="${y0}" width="${vw}" height="${vh}" fill="#fff"/>`,
    `<rect x="${-w / 2}" y="${-d / 2}" width="${w}" height="${d}" fill="#f6f8fa" stroke="#1e6fd9" stroke-width="10" stroke-dasharray="80 40"/>`,
    dimension(-w / 2, -d / 2 - 250, w / 2, -d / 2 - 250, `${w} mm`, false),
    dimension(-w / 2 - 250, -d / 2, -w / 2 - 250, d / 2, `${d} mm`, true),
    reaches,
    items,
    planDimensionMarkup(dims),
    `<text x="${-w / 2}" y="${captionY}" font-size="120" fill="#333">${esc(cell.name)} · floor ${w} × ${d} mm · ${cell.items.length} items · top view, +X right, +Y up</text>`,
    '</svg>',
    '',
  ].join('\n');
}
