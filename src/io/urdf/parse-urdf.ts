/**
 * URDF text → RobotDescription, the plain robot the kinematics, the worker and the CLI share.
 *
 * Runs the same in Node, in a worker and in the page (no DOM, no three.js, no node: imports).
 * What it accepts and refuses follows urdfdom, the C++ parser behind ROS's `check_urdf`, so a
 * file that loads in ROS loads here; every refusal is one UrdfError naming the file and line.
 * Where urdfdom is stricter than the tools people actually use (Drake's undeclared `world` link,
 * revolute joints without `<limit>`), we accept with a warning unless `strict` is set.
 */
import type { JointDescription, LinkDescription, RobotDescription } from '../../model/robot-description';
import { UrdfError } from './errors';
import { readJoint } from './read-joint';
import { readLink, readRobotMaterials } from './read-link';
import { describe, fail, type ReadContext } from './read-values';
import { checkMimics, orderTree, type Located } from './tree';
import { childrenNamed, parseXml, type XmlElement } from './xml';

/** What parseUrdf returns: the robot and the things worth telling the user that did not stop it. */
export interface UrdfParseResult {
  robot: RobotDescription;
  warnings: string[];
}

/** Options of parseUrdf. */
export interface ParseUrdfOptions {
  /** Refuse everything urdfdom refuses (undeclared `world`, revolute/prismatic without `<limit>`). */
  strict?: boolean;
}

/**
 * urdfdom reads `version` as "MAJOR.MINOR" of two unsigned integers and supports only 1.0:
 * "1.0" (or absent) is accepted; "foo", "1" and "2" are refused (its urdf_version_test).
 */
function checkVersion(ctx: ReadContext, robot: XmlElement): void {
  const version = robot.attributes.version;
  if (version === undefined) return;
  const match = /^\s*\+?(\d+)\.\+?(\d+)$/.exec(version);
  if (!match) fail(ctx, robot, `<robot version="${version}">: the version must be in the form "x.y" (only 1.0 is supported)`);
  if (Number(match[1]) !== 1 || Number(match[2]) !== 0) {
    fail(ctx, robot, `<robot version="${version}">: unsupported URDF version; only 1.0 is supported`);
  }
}

/**
 * Finds a xacro definition (`xacro:include`, `macro`, `property`, `arg`) at the top level, the sign
 * of an unexpanded xacro file, so the user is told to expand it instead of meeting a puzzling
 * "${...} is not a number". Stray macro calls alone are ignored, as urdfdom does: ros/urdf's own
 * pr2_desc.urdf carries two inside an otherwise valid robot.
 */
function findXacro(robot: XmlElement): XmlElement | undefined {
  return robot.children.find((c) => /^xacro:(?:include|macro|property|arg)$/.test(c.name));
}

function uniqueByName<T extends { name: string }>(ctx: ReadContext, items: Located<T>[], kind: string): void {
  const first = new Map<string, number>();
  for (const { value, line } of items) {
    const earlier = first.get(value.name);
    if (earlier !== undefined) {
      const where = earlier > 0 ? ` (first at line ${earlier})` : '';
      throw new UrdfError(ctx.file, `${kind} "${value.name}" is declared twice${where}`, line > 0 ? line : undefined);
    }
    first.set(value.name, line);
  }
}

/**
 * Reads an already parsed `<robot>` element tree. parseUrdf and the xacro expander both end here.
 * Throws UrdfError on any invalid content.
 */
export function readRobot(root: XmlElement, fileName: string, options: ParseUrdfOptions = {}): UrdfParseResult {
  const ctx: ReadContext = { file: fileName, warnings: [] };
  if (root.name !== 'robot') fail(ctx, root, `the root element is <${root.name}>, not <robot>: this is not a URDF file`);
  checkVersion(ctx, root);
  const xacro = findXacro(root);
  if (xacro) fail(ctx, xacro, `found ${describe(xacro)}: this is a xacro file; expand it first (or load it as .xacro)`);
  const name = root.attributes.name;
  if (name === undefined) fail(ctx, root, '<robot> has no "name" attribute');

  const materials = readRobotMaterials(ctx, root);
  const links: Located<LinkDescription>[] = childrenNamed(root, 'link').map((el) => ({ value: readLink(ctx, el, materials), line: el.line }));
  uniqueByName(ctx, links, 'link');
  const joints: Located<JointDescription>[] = childrenNamed(root, 'joint').map((el) => ({
    value: readJoint(ctx, el, options.strict ? { strict: true } : {}),
    line: el.line,
  }));
  uniqueByName(ctx, joints, 'joint');
  if (options.strict) {
    const world = joints.find((j) => j.value.parent === 'world');
    if (world && !links.some((l) => l.value.name === 'world')) {
      throw new UrdfError(fileName, `joint "${world.value.name}": parent link "world" does not exist`, world.line || undefined);
    }
  }
  checkMimics(ctx, joints);
  const tree = orderTree(ctx, links, joints, root.line);
  return { robot: { name, root: tree.root, links: tree.links, joints: tree.joints }, warnings: ctx.warnings };
}

/**
 * Parses URDF text into a RobotDescription with joints (and links) in tree order from the root.
 * `fileName` is only used in messages. Throws a UrdfError (file, line, one sentence) on bad input:
 * malformed XML, no `<robot>`, duplicate names, a bad number, an unknown joint type, a zero axis,
 * a missing link, a loop, two roots, an unsupported `version`, missing required attributes.
 */
export function parseUrdf(text: string, fileName: string, options: ParseUrdfOptions = {}): UrdfParseResult {
  return readRobot(parseXml(text, fileName), fileName, options);
}
