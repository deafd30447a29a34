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

  clear(): void {
    this.cells.clear();
  }
}
