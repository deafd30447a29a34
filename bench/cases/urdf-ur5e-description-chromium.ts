/**
 * Issue 3 benchmark: time to a usable RobotDescription for the corpus UR5e, in headless Chromium
 * (where the app runs), against raw urdf-loader on the native DOMParser. See support/urdf-cases.ts.
 */
import { browserDescriptionCase } from './support/urdf-cases';

export default browserDescriptionCase('ur5e', 'UR5e');
