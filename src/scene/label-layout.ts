/**
 * One screen-space layout for every label over the 3D view (targets, IK ghosts, joint frames):
 * rectangles in, non-overlapping places out. A pure function of its input, so the same view
 * always gives the same picture and tests need no DOM.
 *
 * Labels are placed one by one, most important first (lowest `rank`, then nearest the camera,
 * then by id); each takes the first of its candidate places that stays inside the view and
 * clears every label placed before it. The first candidate is where the label would sit alone
 * (moved inside the view if it sticks out, and off any panel floating over the view);
 * the others step outward from it in rings (up, down, right, left, then the diagonals), so a
 * crowded label moves as little as it can. A label that moved off its own place gets a leader
 * line back to its anchor; one that finds no place is left out (the overlay shows a dot with
 * its text as a tooltip instead).
 */

/** A label to place: its anchor on screen (px from the view's top left) and its box size. */
export interface LabelRequest {
  id: string;
  /** The point the label names. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the box's centre sits relative to the anchor when nothing is in the way (px). */
  offsetX: number;
  offsetY: number;
  /** Lower places first: 0 for what the user is pointing at, larger for background labels. */
  rank: number;
  /** Distance from the camera (m): the nearer of two equal-rank labels is placed first. */
  depth: number;
  /**
   * Rings of other places this label may try (default: the layout's `rings`); 0 keeps it at
   * its own place or leaves it out, for labels that crowd by nature (the slots of a pallet).
   */
  rings?: number;
}

/** Where a label went: its box (px) when placed, and whether it needs a leader line. */
export interface LabelPlacement {
  id: string;
  placed: boolean;
  left: number;
  top: number;
  width: number;
  height: number;
  /**
   * True when the box ended farther (by more than 4 px) from its anchor than its own place is:
   * draw a line from the anchor to the box.
   */
  leader: boolean;
  /** The anchor, copied from the request (for the leader line and the dot of a left-out label). */
  x: number;
  y: number;
}

/** A box as left, top, right, bottom (px). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LayoutOptions {
  /** Free pixels kept between two labels. */
  gap?: number;
  /** Rings of candidate places tried around a label's own place before it is left out. */
  rings?: number;
  /** Boxes no label may cover: panels floating over the view (a lesson card, toolbars). */
  obstacles?: readonly Box[];
}

/** True when two boxes share any area, or come closer than `gap` px. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/** Ring directions in the order they are tried: straight moves first, then diagonals. */
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [0, -1], [0, 1], [1, 0], [-1, 0], [1, -1], [-1, -1], [1, 1], [-1, 1],
];

/**
 * `box` moved the shortest way off the first obstacle it covers (left, right, up or down), as
 * long as it stays inside the view; a few times, for panels side by side. Unchanged when no
 * move fits.
 */
function slideOffObstacles(box: Box, obstacles: readonly Box[], width: number, height: number, gap: number): Box {
  let b = box;
  for (let tries = 0; tries < 4; tries++) {
    const hit = obstacles.find((o) => boxesOverlap(o, b, gap));
    if (!hit) return b;
    const moves: Array<[number, number]> = [
      [hit.left - gap - b.right, 0],
      [hit.right + gap - b.left, 0],
      [0, hit.top - gap - b.bottom],
      [0, hit.bottom + gap - b.top],
    ];
    let best: Box | null = null;
    let bestCost = Infinity;
    for (const [dx, dy] of moves) {
      const c = { left: b.left + dx, top: b.top + dy, right: b.right + dx, bottom: b.bottom + dy };
      const cost = Math.abs(dx) + Math.abs(dy);
      if (c.left < 0 || c.top < 0 || c.right > width || c.bottom > height || cost >= bestCost) continue;
      best = c;
      bestCost = cost;
    }
    if (!best) return b;
    b = best;
  }
  return b;
}

/** The order labels are placed in: rank, then depth, then id (a total order, so stable). */
export function placementOrder(a: LabelRequest, b: LabelRequest): number {
  return a.rank - b.rank || a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Places `labels` inside a `width` × `height` view so that no two placed boxes overlap (nor
 * come closer than `gap`). Returns one placement per request, in the order of the requests.
 */
export function layoutLabels(labels: readonly LabelRequest[], width: number, height: number, options: LayoutOptions = {}): LabelPlacement[] {
  const gap = options.gap ?? 2;
  const rings = options.rings ?? 6;
  const obstacles = options.obstacles ?? [];
  const placed: Box[] = [...obstacles];
  const byId = new Map<string, LabelPlacement>();
  for (const label of [...labels].sort(placementOrder)) {
    const w = label.width;
    const h = label.height;
    // Its own place, slid inside the view where it sticks out over an edge.
    const ownX = label.x + label.offsetX - w / 2;
    const ownY = label.y + label.offsetY - h / 2;
    const inside = { left: Math.min(Math.max(ownX, 0), width - w), top: Math.min(Math.max(ownY, 0), height - h), right: 0, bottom: 0 };
    inside.right = inside.left + w;
    inside.bottom = inside.top + h;
    const home = slideOffObstacles(inside, obstacles, width, height, gap);
    const homeX = home.left;
    const homeY = home.top;
    const own = { left: ownX, top: ownY, right: ownX + w, bottom: ownY + h };
    // Steps between rings: one box height vertically, half a box width sideways (a label slides
    // along a row of others before it jumps a whole width).
    const stepX = (w + gap) / 2;
    const stepY = h + gap;
    let found: Box | null = null;
    let leader = false;
    const maxRing = label.rings ?? rings;
    for (let ring = 0; ring <= maxRing && !found; ring++) {
      const directions = ring === 0 ? [[0, 0] as const] : DIRECTIONS;
      for (const [dx, dy] of directions) {
        const left = homeX + dx * ring * stepX;
        const top = homeY + dy * ring * stepY;
        const box = { left, top, right: left + w, bottom: top + h };
        if (left < 0 || top < 0 || box.right > width || box.bottom > height) continue;
        if (placed.some((p) => boxesOverlap(p, box, gap))) continue;
        found = box;
        leader = distanceToBox(box, label.x, label.y) > distanceToBox(own, label.x, label.y) + 4;
        break;
      }
    }
    if (found) placed.push(found);
    byId.set(label.id, {
      id: label.id,
      placed: found !== null,
      left: found?.left ?? homeX,
      top: found?.top ?? homeY,
      width: w,
      height: h,
      leader,
      x: label.x,
      y: label.y,
    });
  }
  return labels.map((l) => byId.get(l.id)!);
}

/** How far (x, y) is from `box` (px; 0 inside it). */
export function distanceToBox(box: Box, x: number, y: number): number {
  const [nx, ny] = nearestPointOnBox(box, x, y);
  return Math.hypot(nx - x, ny - y);
}

/** The point of `box` nearest to (x, y): where a leader line from the anchor meets the label. */
export function nearestPointOnBox(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.left), box.right), Math.min(Math.max(y, box.top), box.bottom)];
}
