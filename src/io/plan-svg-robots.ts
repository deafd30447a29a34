/**
 * Robots in the plan (SVG, 1 unit = 1 mm, y flipped by the caller): a base symbol — a circle
 * of the base's size with a cross at the axis of joint 1 and a wedge pointing along the robot's
 * +X (its front) — the robot's name in bold, and its reach as a dashed circle with the figure,
 * so a planner reads at a glance what each arm can get to and where two of them meet.
 */
import { findLibraryEntry, itemExtent, type RobotItem } from '../model';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mm = (m: number) => Math.round(m * 1000);

/** Colour of robots in the plan (the 3D view's robot orange). */
export const ROBOT_COLOUR = '#e07a1f';

/** Horizontal reach (m): the library's figure, or the one sampled when the robot was imported; null if unknown. */
export function planReach(robot: RobotItem): number | null {
  if (robot.source.type === 'embedded') return robot.source.reach ?? null;
  const entry = findLibraryEntry(robot.source.id);
  return entry?.kind === 'robot' ? entry.reach : null;
}

/** The reach circle of a robot, centred on its base (drawn under every footprint). */
export function robotReachMarkup(robot: RobotItem): string {
  const reach = planReach(robot);
  if (reach === null) return '';
  const [x, y] = robot.pose.xyz;
  const r = mm(reach);
  const cx = mm(x);
  const cy = -mm(y);
  // No <g>: a plan's groups are its items (one per item, clickable by data-item-id).
  return (
    `<circle class="plan-reach" data-reach-of="${esc(robot.id)}" cx="${cx}" cy="${cy}" r="${r}" fill="${ROBOT_COLOUR}" fill-opacity="0.05" stroke="${ROBOT_COLOUR}" stroke-width="6" stroke-dasharray="50 30"/>` +
    `<text class="plan-reach-label" x="${cx}" y="${cy - r - 30}" font-size="80" text-anchor="middle" fill="${ROBOT_COLOUR}">reach ${r} mm</text>`
  );
}

/** The base symbol and name of a robot, in its own frame (the caller translates and rotates). */
export function robotSymbolMarkup(robot: RobotItem): string {
  const [sx, sy] = itemExtent(robot);
  const radius = Math.max(90, Math.round((mm(Math.min(sx, sy)) / 2) * 0.8));
  const cross = radius * 0.55;
  const wedge = `M${radius + 10} 0 L${radius - 70} ${-55} L${radius - 70} ${55} Z`;
  const fontSize = Math.max(70, Math.min(130, radius * 0.7));
  return (
    `<circle class="plan-robot-base" cx="0" cy="0" r="${radius}" fill="#f6c89f" stroke="${ROBOT_COLOUR}" stroke-width="14"/>` +
    `<path d="M${-cross} 0 H${cross} M0 ${-cross} V${cross}" stroke="#7a3c00" stroke-width="10"/>` +
    `<path class="plan-robot-front" d="${wedge}" fill="${ROBOT_COLOUR}"/>` +
    `<text x="0" y="${radius + fontSize * 1.2}" font-size="${fontSize}" font-weight="bold" text-anchor="middle" fill="#222">${esc(robot.name)}</text>`
  );
}
