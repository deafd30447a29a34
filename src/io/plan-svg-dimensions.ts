/**
 * The plan's added dimensions as SVG markup (plan units: mm, SVG y pointing down): the bounding
 * footprint of the cell, dimensioned below and to the right of the floor (the floor's own
 * dimensions are above and to the left, so the two never cross), and a line from each robot's
 * base to its nearest fence with the distance. plan-svg.ts puts them into the plan.
 */
import type { PlanDimensions } from './plan-dimensions';

/** Colours: footprint in violet, robot-to-fence in red (the floor's dimensions are blue). */
const COLOUR = { footprint: '#7a4fc4', fence: '#c0392b' } as const;
type Kind = keyof typeof COLOUR;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mm = (m: number) => Math.round(m * 1000);

const marker = (kind: Kind) =>
  `<marker id="plan-arrow-${kind}" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${COLOUR[kind]}"/></marker>`;

/** A dimension line with arrows at both ends and its label on the outer side. */
function dimension(x1: number, y1: number, x2: number, y2: number, text: string, vertical: boolean, kind: Kind): string {
  const tx = (x1 + x2) / 2 + (vertical ? 100 : 0);
  const ty = (y1 + y2) / 2 + (vertical ? 0 : 130);
  const rotate = vertical ? ` transform="rotate(-90 ${tx} ${ty})"` : '';
  const c = COLOUR[kind];
  return (
    `<line class="dim dim-${kind}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${c}" stroke-width="6" marker-start="url(#plan-arrow-${kind})" marker-end="url(#plan-arrow-${kind})"/>` +
    `<text class="dim-text dim-${kind}" x="${tx}" y="${ty}" font-size="110" text-anchor="middle" fill="${c}"${rotate}>${text}</text>`
  );
}

/** A thin extension line from a measured edge out to its dimension line. */
const extension = (x1: number, y1: number, x2: number, y2: number) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${COLOUR.footprint}" stroke-width="3" opacity="0.7"/>`;

/** The bounding footprint as a dashed box, its width below the floor and its depth to the right. */
function footprintMarkup(dims: PlanDimensions): string {
  const f = dims.footprint;
  if (!f) return '';
  const [x1, x2, y1, y2] = [mm(f.minX), mm(f.maxX), -mm(f.maxY), -mm(f.minY)];
  const below = Math.max(mm(dims.floor.depth) / 2, y2) + 250;
  const right = Math.max(mm(dims.floor.width) / 2, x2) + 250;
  return [
    `<rect class="footprint" x="${x1}" y="${y1}" width="${x2 - x1}" height="${y2 - y1}" fill="none" stroke="${COLOUR.footprint}" stroke-width="5" stroke-dasharray="30 30"><title>bounding footprint ${x2 - x1} × ${y2 - y1} mm</title></rect>`,
    extension(x1, y2, x1, below + 60),
    extension(x2, y2, x2, below + 60),
    dimension(x1, below, x2, below, `${x2 - x1} mm`, false, 'footprint'),
    extension(x2, y1, right + 60, y1),
    extension(x2, y2, right + 60, y2),
    dimension(right, y1, right, y2, `${y2 - y1} mm`, true, 'footprint'),
  ].join('');
}

/** From each robot's base centre (a dot) to the nearest point of its nearest fence, labelled along the line. */
function robotFenceMarkup(dims: PlanDimensions): string {
  const c = COLOUR.fence;
  return dims.robotFence
    .map((r) => {
      const [x1, y1, x2, y2] = [mm(r.from[0]), -mm(r.from[1]), mm(r.to[0]), -mm(r.to[1])];
      let angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
      if (angle > 90) angle -= 180; // keep the text upright
      if (angle < -90) angle += 180;
      const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
      return (
        `<line class="dim dim-fence" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${c}" stroke-width="6" marker-end="url(#plan-arrow-fence)"><title>${esc(`${r.robot} to fence ${r.fence}`)}</title></line>` +
        `<circle cx="${x1}" cy="${y1}" r="20" fill="${c}"/>` +
        `<text class="dim-text dim-fence" x="${mx}" y="${my - 30}" font-size="100" text-anchor="middle" fill="${c}" transform="rotate(${angle.toFixed(2)} ${mx} ${my})">${mm(r.distance)} mm</text>`
      );
    })
    .join('');
}

/** The markers and dimension lines to add to a plan. */
export function planDimensionMarkup(dims: PlanDimensions): string {
  return `<defs>${marker('footprint')}${marker('fence')}</defs>${footprintMarkup(dims)}${robotFenceMarkup(dims)}`;
}

/**
 * What the plan shows, in plan units: the floor and the footprint (which may reach past the
 * floor) with room for the dimensions around them, and where the caption goes.
 */
export function planFrame(dims: PlanDimensions): { x0: number; y0: number; vw: number; vh: number; captionY: number } {
  const w = mm(dims.floor.width);
  const d = mm(dims.floor.depth);
  const f = dims.footprint;
  const left = Math.min(-w / 2, f ? mm(f.minX) : 0);
  const right = Math.max(w / 2, f ? mm(f.maxX) : 0);
  const top = Math.min(-d / 2, f ? -mm(f.maxY) : 0);
  const bottom = Math.max(d / 2, f ? -mm(f.minY) : 0);
  const margin = 600;
  return { x0: left - margin, y0: top - margin, vw: right - left + 2 * margin + 200, vh: bottom - top + 2 * margin + 300, captionY: bottom + 560 };
}
