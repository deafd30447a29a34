/**
 * The robot and tool descriptions a run or a check of a cell needs, gathered with whatever
 * parser the caller has (the scene's cache on the page's main thread, the run pool's own cache
 * for its workers). One walk over the cell, so every caller agrees on what "the cell's robots"
 * means: each robot item by its id, each bundled tool once by its id.
 */
import type { Cell, RobotSource } from './cell';
import type { RobotDescription } from './robot-description';

/** Robot descriptions by robot item id, tool descriptions by tool id. */
export interface CellRobotDescriptions {
  robots: Map<string, RobotDescription>;
  tools: Map<string, RobotDescription>;
}

/**
 * Describes every robot and tool of `cell` with `describe` (robot sources as the cell holds
 * them; tools through `toolSource`, which should return one shared object per tool id so a
 * cache keyed by source objects parses each tool once).
 */
export async function describeCellRobots(
  cell: Cell,
  describe: (source: RobotSource) => Promise<RobotDescription>,
  toolSource: (id: string) => RobotSource,
): Promise<CellRobotDescriptions> {
  const robots = new Map<string, RobotDescription>();
  const tools = new Map<string, RobotDescription>();
  for (const item of cell.items) {
    if (item.type !== 'robot') continue;
    robots.set(item.id, await describe(item.source));
    if (item.tool && !tools.has(item.tool.id)) tools.set(item.tool.id, await describe(toolSource(item.tool.id)));
  }
  return { robots, tools };
}
