/**
 * Issue 3 benchmark: time to a usable RobotDescription for the corpus PR2, in Node, against raw
 * urdf-loader on linkedom. What each side does: support/urdf-cases.ts and support/robot-tasks.ts.
 */
import { nodeDescriptionCase } from './support/urdf-cases';

export default nodeDescriptionCase('pr2', 'PR2');
