/**
 * Issue 4 benchmark: IK of the corpus KUKA KR 6 R900 sixx on 1,000 reachable poses, closed form against our
 * numerical solver, with success rates. What each side does: support/kinematics.ts.
 */
import { ikClosedFormCase, KR6 } from './support/kinematics';

export default ikClosedFormCase(KR6);
