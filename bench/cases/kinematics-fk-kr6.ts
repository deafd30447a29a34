/**
 * Issue 4 benchmark: forward kinematics of the corpus KUKA KR 6 R900 sixx (tool pose per call) against a
 * three.js Matrix4 chain. What each side does: support/kinematics.ts.
 */
import { fkCase, KR6 } from './support/kinematics';

export default fkCase(KR6);
