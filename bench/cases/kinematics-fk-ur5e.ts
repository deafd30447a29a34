/**
 * Issue 4 benchmark: forward kinematics of the corpus UR5e (tool pose per call) against a
 * three.js Matrix4 chain. What each side does: support/kinematics.ts.
 */
import { fkCase, UR5E } from './support/kinematics';

export default fkCase(UR5E);
