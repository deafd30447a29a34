/**
 * Parts at rest (on a table, a pallet, in a fixture, on the floor) indexed by a 0.5 m grid over
 * the floor plan, so finding the part at a tool or under a released part looks at a few cells,
 * never at every part lying in the cell.
 */

/** Grid cell size (m). */
const CELL = 0.5;
const key = (ix: number, iy: number): number => ix * 100_003 + iy;

/** A spatial index of resting parts by their centre's (x, y). */
export class RestGrid {
  private readonly cells = new Map<number, number[]>();

  add(id: number, x: number, y: number): void {
    const k = key(Math.floor(x / CELL), Math.floor(y / CELL));
    const list = this.cells.get(k);
    if (list) list.push(id);
    else this.cells.set(k, [id]);
  }

  remove(id: number, x: number, y: number): void {
    const k = key(Math.floor(x / CELL), Math.floor(y / CELL));
    const list = this.cells.get(k);
    if (!list) return;
    const i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.cells.delete(k);
  }

  /** Calls `visit` for each part whose centre is within one cell of (x, y). */
  near(x: number, y: number, visit: (id: number) => void): void {
    const ix = Math.floor(x / CELL), iy = Math.floor(y / CELL);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(key(ix + dx, iy + dy));
        if (list) for (const id of list) visit(id);
      }
    }
  }

  /** Calls `visit` for each part whose centre lies in a grid cell that meets the rectangle [x0, x1] × [y0, y1]. */
  inRect(x0: number, y0: number, x1: number, y1: number, visit: (id: number) => void): void {
    const ix0 = Math.floor(x0 / CELL), ix1 = Math.floor(x1 / CELL);
    const iy0 = Math.floor(y0 / CELL), iy1 = Math.floor(y1 / CELL);
    if ((ix1 - ix0 + 1) * (iy1 - iy0 + 1) > this.cells.size) {
      // A rectangle wider than the occupied cells: look at those instead.
      for (const [k, list] of this.cells) {
        const ix = Math.round(k / 100_003), iy = k - ix * 100_003;
        if (ix >= ix0 && ix <= ix1 && iy >= iy0 && iy <= iy1) for (const id of list) visit(id);
      }
      return;
    }
    for (let ix = ix0; ix <= ix1; ix++) {
      for (let iy = iy0; iy <= iy1; iy++) {
        const list = this.cells.get(key(ix, iy));
        if (list) for (const id of list) visit(id);
      }
    }
  }

  clear(): void {
    this.cells.clear();
  }
}
