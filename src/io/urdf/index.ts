/**
 * The URDF import pipeline: URDF/xacro text → RobotDescription, mesh references, zip packages.
 * Everything here runs in Node, in workers and in the page (Node-only helpers are in node-files.ts,
 * which this barrel does not export).
 */
export { UrdfError } from './errors';
export { parseUrdf, readRobot, type ParseUrdfOptions, type UrdfParseResult } from './parse-urdf';
export { parseXml, type XmlElement } from './xml';
