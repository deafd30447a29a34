/**
 * Issue 4 benchmark: forward kinematics of the corpus ABB IRB 120 (tool pose per call) against a
 * three.js Matrix4 chain. What each side does: support/kinematics.ts.
 */
import { fkCase, IRB120 } from './support/kinematics';

export default fkCase(IRB120);
