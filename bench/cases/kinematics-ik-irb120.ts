/**
 * Issue 4 benchmark: IK of the corpus ABB IRB 120 on 1,000 reachable poses, closed form against our
 * numerical solver, with success rates. What each side does: support/kinematics.ts.
 */
import { ikClosedFormCase, IRB120 } from './support/kinematics';

export default ikClosedFormCase(IRB120);
