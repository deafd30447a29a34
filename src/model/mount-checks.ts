/**
 * Cross-reference checks of robot mounts (see mounts.ts): a robot's `mount.item` must be a
 * pedestal or a track in the cell, `mount.position` is for tracks only and lies within the
 * carriage's travel, and one mount carries one robot. Each problem names its path in the file,
 * e.g. `items[0].mount.item: "table-1" is a table; a robot can stand on a pedestal or a track`.
 */
import type { CellShape } from './cell-schema';
import { trackTravel } from './mounts';

type Item = CellShape['items'][number];

/** A problem with its path (zod-style keys and indices). */
export interface MountProblem {
  path: (string | number)[];
  message: string;
}

const quoted = (s: string): string => JSON.stringify(s);

/** Every problem with the mounts of `items` (empty when all are sound). */
export function mountProblems(items: readonly Item[]): MountProblem[] {
  const problems: MountProblem[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const carrier = new Map<string, string>();
  items.forEach((item, i) => {
    if (item.type !== 'robot' || item.mount === undefined) return;
    const at = (...rest: string[]) => ['items', i, 'mount', ...rest];
    const { item: id, position } = item.mount;
    const mount = byId.get(id);
    if (mount === undefined) {
      problems.push({ path: at('item'), message: `no item ${quoted(id)}` });
      return;
    }
    if (mount.type !== 'pedestal' && mount.type !== 'track') {
      problems.push({ path: at('item'), message: `${quoted(id)} is a ${mount.type}; a robot can stand on a pedestal or a track` });
      return;
    }
    const other = carrier.get(id);
    if (other !== undefined) problems.push({ path: at('item'), message: `${quoted(id)} already carries ${quoted(other)}; a mount carries one robot` });
    else carrier.set(id, item.id);
    if (position === undefined) return;
    if (mount.type === 'pedestal') {
      problems.push({ path: at('position'), message: `a position is for a robot on a track; ${quoted(id)} is a pedestal` });
      return;
    }
    const travel = trackTravel(mount);
    // A micrometre of slack for positions written back after float arithmetic.
    if (Math.abs(position) > travel + 1e-6) {
      problems.push({ path: at('position'), message: `expected a position within ±${+travel.toFixed(4)} m (the travel of ${quoted(id)})` });
    }
  });
  return problems;
}
