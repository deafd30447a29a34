/**
 * The robot and tool descriptions of a cell, parsed on the page for the run pool's workers
 * (src/bridge/run-pool.ts): bundled robots and tools from `urdf/` (bundled into the build),
 * robots the user brought from the URDF text inside the cell. One parse per source object, as
 * the scene's cache does (src/scene/robot/resolved-cache.ts, which this layer cannot import):
 * a run pool of 20 replications of one cell parses each robot once.
 */
import { parseUrdf } from '../io/urdf';
import { describeCellRobots, libraryFileFor, type Cell, type CellRobotDescriptions, type RobotDescription, type RobotSource } from '../model';

const bundledUrdfs = import.meta.glob<string>('../../urdf/*.urdf', { query: '?raw', import: 'default' });

const parsed = new WeakMap<RobotSource, Promise<RobotDescription>>();
const bundledParsed = new Map<string, Promise<RobotDescription>>();

async function parseBundled(id: string): Promise<RobotDescription> {
  const file = libraryFileFor(id);
  const load = file === null ? undefined : bundledUrdfs[`../../urdf/${file}`];
  if (file === null || !load) throw new Error(`no bundled robot "${id}" in this version of CellTwin`);
  return parseUrdf(await load(), file).robot;
}

/** The parsed description of `source`; rejects with UrdfError (file and line) on bad URDF. */
function description(source: RobotSource): Promise<RobotDescription> {
  if (source.type === 'bundled') {
    let p = bundledParsed.get(source.id);
    if (!p) bundledParsed.set(source.id, (p = parseBundled(source.id)));
    return p;
  }
  let p = parsed.get(source);
  if (!p) parsed.set(source, (p = Promise.resolve().then(() => parseUrdf(source.urdf, source.fileName).robot)));
  return p;
}

/** Every robot of `cell` by item id and every tool by tool id: what a simulation of it needs. */
export function loadCellRobots(cell: Cell): Promise<CellRobotDescriptions> {
  return describeCellRobots(cell, description, (id) => ({ type: 'bundled', id }));
}
