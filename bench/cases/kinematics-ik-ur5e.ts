/**
 * Issue 4 benchmark: IK of the corpus UR5e on 1,000 reachable poses, closed form against our
 * numerical solver, with success rates. What each side does: support/kinematics.ts.
 */
import { ikClosedFormCase, UR5E } from './support/kinematics';

export default ikClosedFormCase(UR5E);
