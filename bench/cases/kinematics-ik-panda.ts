/**
 * Issue 4 benchmark: IK of the corpus Franka Panda (7 axes, no closed form) on 1,000 reachable
 * poses, our numerical solver against textbook DLS, with success rates. What each side does:
 * support/kinematics.ts.
 */
import { ikNumericalCase, PANDA } from './support/kinematics';

export default ikNumericalCase(PANDA);
