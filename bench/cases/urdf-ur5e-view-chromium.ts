/**
 * Issue 3 benchmark: time to a fully loaded view of the corpus UR5e (7 COLLADA visuals, 9.3 MB,
 * and 7 STL collision meshes) in headless Chromium, against raw urdf-loader parsing the same bytes
 * with three's loaders. See support/urdf-cases.ts.
 */
import { browserViewCase } from './support/urdf-cases';

export default browserViewCase('ur5e', 'UR5e');
