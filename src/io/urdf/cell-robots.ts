/**
 * The robot descriptions embedded in a cell file, checked the way `run` reads them, so that
 * `celltwin validate` refuses every cell `run` would refuse for its robots. (The model layer
 * cannot parse URDF itself: the URDF reader sits above it.)
 */
import type { Cell } from '../../model/cell';
import type { Problem } from '../../model/validate';
import { UrdfError } from './errors';
import { parseUrdf } from './parse-urdf';

/** A problem per embedded robot whose URDF does not read, at `items[i].source.urdf`. */
export function embeddedRobotProblems(cell: Cell): Problem[] {
  const problems: Problem[] = [];
  cell.items.forEach((item, i) => {
    if (item.type !== 'robot' || item.source.type !== 'embedded') return;
    try {
      parseUrdf(item.source.urdf, item.source.fileName);
    } catch (e) {
      if (!(e instanceof UrdfError)) throw e;
      problems.push({ path: `items[${i}].source.urdf`, message: `the embedded robot does not read: ${e.toString()}` });
    }
  });
  return problems;
}
