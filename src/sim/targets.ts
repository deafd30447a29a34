/**
 * Named targets in the world. A target attached to an item is a pose in the item's frame, so its
 * world pose is the item's pose composed with it: moving a pallet in the layout moves its
 * targets. A target on a patterned pallet is the pose at its first slot; slot k is the same pose
 * shifted by the slot's offset in the pallet's frame (see {@link slotOffset}).
 */
import { mat4Copy, mat4Create, mat4FromXyzRpy, mat4MultiplyRigid, mat4TranslateLocal, type Mat4 } from '../kinematics/mat4';
import type { Cell, CellItem, PalletItem, Target } from '../model/cell';

/** A pallet's slot pattern. */
export type PalletPattern = NonNullable<PalletItem['pattern']>;

/** Slots of a pattern: rows × columns × layers. */
export function slotCount(pattern: PalletPattern): number {
  return pattern.rows * pattern.columns * pattern.layers;
}

/**
 * The offset of slot `slot` in the pallet's frame. Slots fill row by row: along x first
 * (columns), then along y (rows), then up (layers).
 */
export function slotOffset(pattern: PalletPattern, slot: number): [number, number, number] {
  const column = slot % pattern.columns;
  const row = Math.floor(slot / pattern.columns) % pattern.rows;
  const layer = Math.floor(slot / (pattern.columns * pattern.rows));
  return [column * pattern.pitch[0], row * pattern.pitch[1], layer * pattern.pitch[2]];
}

interface Frame {
  target: Target;
  /** The parent item, or null for a world target. */
  item: CellItem | null;
  parent: Mat4;
  local: Mat4;
}

/** The targets of a cell, resolved against its items. */
export class TargetFrames {
  private readonly frames: Frame[];
  private readonly byId = new Map<string, number>();

  constructor(cell: Cell) {
    const items = new Map(cell.items.map((i) => [i.id, i]));
    this.frames = cell.targets.map((target, i) => {
      this.byId.set(target.id, i);
      const item = target.parent === 'world' ? null : items.get(target.parent.item) ?? null;
      const parent = item ? mat4FromXyzRpy(mat4Create(), item.pose.xyz, item.pose.rpy) : mat4Create();
      return { target, item, parent, local: mat4FromXyzRpy(mat4Create(), target.pose.xyz, target.pose.rpy) };
    });
  }

  /** The index of target `id`, or −1. */
  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  /** The target at `index`. */
  target(index: number): Target {
    return this.frame(index).target;
  }

  /** The item target `index` is attached to, or null for a world target. */
  item(index: number): CellItem | null {
    return this.frame(index).item;
  }

  /** The pallet pattern that target `index` follows, or null. */
  pattern(index: number): PalletPattern | null {
    const item = this.frame(index).item;
    return item?.type === 'pallet' && item.pattern ? item.pattern : null;
  }

  /**
   * The world pose of target `index` at pallet slot `slot` (ignored off a patterned pallet),
   * stopped `approach` metres short of it along its −z axis.
   */
  world(index: number, slot = 0, approach = 0, out: Mat4 = mat4Create()): Mat4 {
    const f = this.frame(index);
    mat4Copy(out, f.parent);
    const pattern = this.pattern(index);
    if (pattern && slot > 0) {
      const [dx, dy, dz] = slotOffset(pattern, slot);
      mat4TranslateLocal(out, dx, dy, dz);
    }
    mat4MultiplyRigid(out, out, f.local);
    if (approach !== 0) mat4TranslateLocal(out, 0, 0, -approach);
    return out;
  }

  private frame(index: number): Frame {
    const f = this.frames[index];
    if (!f) throw new RangeError(`no target #${index}`);
    return f;
  }
}
