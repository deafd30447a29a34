/**
 * Issue 3 benchmark: time to a fully loaded view of the corpus PR2 (ros/urdf's pr2_desc.urdf:
 * 15 textured COLLADA and 22 STL files, visual and collision) in headless Chromium, against raw
 * urdf-loader parsing the same bytes with three's loaders. See support/urdf-cases.ts.
 */
import { browserViewCase } from './support/urdf-cases';

export default browserViewCase('pr2', 'PR2');
