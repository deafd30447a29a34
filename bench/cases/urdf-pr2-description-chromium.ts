/**
 * Issue 3 benchmark: time to a usable RobotDescription for the corpus PR2, in headless Chromium
 * (where the app runs), against raw urdf-loader on the native DOMParser. See support/urdf-cases.ts.
 */
import { browserDescriptionCase } from './support/urdf-cases';

export default browserDescriptionCase('pr2', 'PR2');
