import type { RobotSource } from './cell';
import type { RobotDescription } from './robot-description';
import { findLibraryEntry } from './robot-library';

/**
 * The link a tool mounts on: the library's flange for bundled robots; for imported ones the
 * ROS-Industrial `tool0` or `flange` when present, else the deepest link of the tree.
 */
export function flangeLink(source: RobotSource, robot: RobotDescription): string {
  if (source.type === 'bundled') {
    const entry = findLibraryEntry(source.id);
    if (entry?.kind === 'robot') return entry.flangeLink;
  }
  const names = new Set(robot.links.map((l) => l.name));
  for (const candidate of ['tool0', 'flange', 'ee_link']) if (names.has(candidate)) return candidate;
  const depth = new Map<string, number>([[robot.root, 0]]);
  let deepest = robot.root;
  for (const j of robot.joints) {
    const d = (depth.get(j.parent) ?? 0) + 1;
    depth.set(j.child, d);
    if (d > (depth.get(deepest) ?? 0)) deepest = j.child;
  }
  return deepest;
}
