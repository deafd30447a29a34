/**
 * The edit that adds a drawn fence run: all its panels in one command, so one undo removes the
 * whole run, as the planner drew it in one go.
 */
import type { CellItem, FenceItem } from '../model';
import type { FencePanel } from '../tools/fence-run';
import { EditError, type EditCommand } from './cell-store';
import { itemProblems, nextItemId } from './commands';

/** Default fence height (m): the library panel's, a common machine-guard height. */
export const FENCE_RUN_HEIGHT_M = 2;

/** The number of the next run: one more than the highest "Fence run N · …" in the cell. */
function nextRunNumber(items: readonly CellItem[]): number {
  let max = 0;
  for (const { name } of items) {
    const m = /^Fence run (\d+) · /.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * Adds one fence item per panel (ids `fence-N`, the next free numbers; names `Fence run R · k/n`),
 * standing on the floor along the run, and selects them all. An empty run is refused.
 */
export function addFenceRun(panels: readonly FencePanel[], height = FENCE_RUN_HEIGHT_M): EditCommand {
  let added: string[] = [];
  return {
    label: `Add fence run (${panels.length} ${panels.length === 1 ? 'panel' : 'panels'})`,
    apply(cell) {
      if (panels.length === 0) throw new EditError('a fence run needs at least one segment of 100 mm or more');
      added = [];
      let out = cell;
      const run = nextRunNumber(cell.items);
      panels.forEach((panel, k) => {
        const item: FenceItem = {
          id: nextItemId(out, 'fence'),
          name: `Fence run ${run} · ${k + 1}/${panels.length}`,
          type: 'fence',
          pose: { xyz: [panel.centre[0], panel.centre[1], 0], rpy: [0, 0, panel.yaw] },
          length: panel.length,
          height,
        };
        const problems = itemProblems(item);
        if (problems.length > 0) throw new EditError(`fence panel ${k + 1}: ${problems.join('; ')}`);
        out = { ...out, items: [...out.items, item] };
        added.push(item.id);
      });
      return out;
    },
    select: () => [...added],
  };
}
