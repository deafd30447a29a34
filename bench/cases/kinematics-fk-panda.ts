/**
 * Issue 4 benchmark: forward kinematics of the corpus Franka Panda (tool pose per call) against a
 * three.js Matrix4 chain. What each side does: support/kinematics.ts.
 */
import { fkCase, PANDA } from './support/kinematics';

export default fkCase(PANDA);
