/**
 * The URDF import pipeline: URDF/xacro text → RobotDescription, mesh references, zip packages.
 * Everything here runs in Node, in workers and in the page. The Node-only disk adapter is in
 * node-files.ts, which this barrel leaves out so the page bundle never pulls in `node:fs`.
 */
export { UrdfError } from './errors';
export { parseUrdf, readRobot, type ParseUrdfOptions, type UrdfParseResult } from './parse-urdf';
export { expandXacro, parseXacro, type TextReader, type XacroOptions, type XacroResult } from './xacro';
export {
  checkMeshes,
  listMeshes,
  meshFormat,
  resolveMeshPath,
  type MeshReport,
  type MeshRef,
  type MeshResolveOptions,
  type MeshUse,
} from './mesh-refs';
export { packageFinder, packageXmlName, searchPackage, type PackageSearchFs } from './packages';
export { lookupPackage, type PackageMap } from './paths';
export { memoryRobotFiles, robotFileCandidates, zipEntries, type RobotFiles } from './robot-files';
export { DEFAULT_ZIP_LIMITS, looksLikeZip, readZip, type ZipArchive, type ZipEntry, type ZipLimits } from './zip';
export {
  isXacroName,
  loadRobotFile,
  loadRobotZip,
  type LoadedRobot,
  type LoadedZipRobot,
  type LoadRobotOptions,
} from './load-robot';
export { parseXml, writeXml, type XmlElement } from './xml';
