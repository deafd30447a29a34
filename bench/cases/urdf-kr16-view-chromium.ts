/**
 * Issue 3 benchmark: time to a fully loaded view of the corpus KUKA KR 16-2 (7 COLLADA visuals and
 * 7 STL collision meshes, 1.3 MB) in headless Chromium, against raw urdf-loader parsing the same
 * bytes with three's loaders. See support/urdf-cases.ts. (This row used the UR5e, whose 9.7 MB of
 * meshes the repository's tests/corpus does not keep.)
 */
import { browserViewCase } from './support/urdf-cases';

export default browserViewCase('kr16_2', 'KR 16-2');
