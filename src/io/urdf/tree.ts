/**
 * Checks that the links and joints of a URDF form one tree and puts them in tree order.
 *
 * Tree order (depth first from the root, siblings in file order) is what `celltwin fk --q`
 * relies on: a serial arm lists joint 1 to 6 whatever order the file declares them in.
 */
import type { JointDescription, LinkDescription } from '../../model/robot-description';
import { UrdfError } from './errors';
import type { ReadContext } from './read-values';

/** A value read from the file with the line of its element (0 when unknown). */
export interface Located<T> {
  value: T;
  line: number;
}

/** Links and joints in tree order, and the root link's name. */
export interface OrderedTree {
  root: string;
  links: LinkDescription[];
  joints: JointDescription[];
}

/** Drake and Gazebo attach robots to this link without declaring it. */
const WORLD = 'world';

function at(ctx: ReadContext, line: number, message: string): never {
  throw new UrdfError(ctx.file, message, line > 0 ? line : undefined);
}

/** Checks that every joint names two existing, different links; may add an implicit `world`. */
function checkLinkRefs(ctx: ReadContext, links: Map<string, Located<LinkDescription>>, joints: Located<JointDescription>[]): void {
  for (const { value: j, line } of joints) {
    if (j.parent === j.child) at(ctx, line, `joint "${j.name}": parent and child are the same link "${j.child}"`);
    if (!links.has(j.child)) at(ctx, line, `joint "${j.name}": child link "${j.child}" does not exist`);
    if (!links.has(j.parent)) {
      if (j.parent !== WORLD) at(ctx, line, `joint "${j.name}": parent link "${j.parent}" does not exist`);
      links.set(WORLD, { value: { name: WORLD, visuals: [], collisions: [], inertial: null, implicit: true }, line: 0 });
      ctx.warnings.push(`joint "${j.name}": parent link "world" is not declared; added it as an empty root link (urdfdom would refuse this file)`);
    }
  }
}

/** Follows parent joints up from `start` until a link repeats, and names that loop. */
function describeLoop(start: string, parentJoint: Map<string, Located<JointDescription>[]>): { text: string; line: number } {
  const seen: string[] = [];
  const seenSet = new Set<string>();
  let link = start;
  while (!seenSet.has(link)) {
    seen.push(link);
    seenSet.add(link);
    const up = parentJoint.get(link)?.[0];
    if (!up) break;
    link = up.value.parent;
  }
  const loop = seen.slice(seen.indexOf(link)).reverse();
  const first = parentJoint.get(loop[0] ?? link)?.[0];
  return { text: [...loop, loop[0] ?? link].join(' → '), line: first?.line ?? 0 };
}

/**
 * Validates the tree (one root, no loop, every joint between existing links) and returns links
 * and joints in depth-first order. Throws a UrdfError naming the line of the offending element.
 * `links` must already be free of duplicate names.
 */
export function orderTree(ctx: ReadContext, declared: Located<LinkDescription>[], joints: Located<JointDescription>[], robotLine = 0): OrderedTree {
  if (declared.length === 0) at(ctx, robotLine, 'the robot has no <link> elements');
  const links = new Map(declared.map((l) => [l.value.name, l] as const));
  checkLinkRefs(ctx, links, joints);

  const parentJoint = new Map<string, Located<JointDescription>[]>();
  const childJoints = new Map<string, JointDescription[]>();
  // Appended in place: copying the list per joint made 50,000 siblings take 46 s (quadratic).
  for (const located of joints) {
    const j = located.value;
    const parents = parentJoint.get(j.child);
    if (parents) parents.push(located);
    else parentJoint.set(j.child, [located]);
    const siblings = childJoints.get(j.parent);
    if (siblings) siblings.push(j);
    else childJoints.set(j.parent, [j]);
  }
  for (const [link, parents] of parentJoint) {
    // urdfdom accepts this silently (its own unit tests do it); the last joint wins there.
    if (parents.length > 1) {
      ctx.warnings.push(`link "${link}" is the child of ${parents.length} joints (${parents.map((p) => p.value.name).join(', ')}); it is placed by the first`);
    }
  }

  const roots = [...links.values()].filter((l) => !parentJoint.has(l.value.name));
  if (roots.length > 1) {
    const names = roots.map((r) => `"${r.value.name}"`);
    const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(' and ');
    at(ctx, roots[1]?.line ?? 0, `${roots.length} root links (links that are no joint's child): ${shown}; a URDF has exactly one`);
  }
  const root = roots[0];
  if (!root) {
    const loop = describeLoop(declared[0]?.value.name ?? '', parentJoint);
    at(ctx, loop.line, `kinematic loop: ${loop.text} (every link has a parent joint, so there is no root)`);
  }

  const orderedLinks: LinkDescription[] = [];
  const orderedJoints: JointDescription[] = [];
  const visited = new Set<string>();
  // An explicit stack instead of recursion: a chain of thousands of links must not overflow.
  const stack: { link: string; via?: JointDescription }[] = [{ link: root.value.name }];
  while (stack.length > 0) {
    const { link, via } = stack.pop() ?? { link: '' };
    if (via) orderedJoints.push(via);
    if (visited.has(link)) continue;
    visited.add(link);
    const description = links.get(link)?.value;
    if (description) orderedLinks.push(description);
    const children = childJoints.get(link) ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const j = children[i];
      if (j) stack.push({ link: j.child, via: j });
    }
  }

  const stray = [...links.values()].find((l) => !visited.has(l.value.name));
  if (stray) {
    const loop = describeLoop(stray.value.name, parentJoint);
    at(ctx, loop.line, `kinematic loop: ${loop.text} (not connected to the root "${root.value.name}")`);
  }
  return { root: root.value.name, links: orderedLinks, joints: orderedJoints };
}

/** Checks that each mimic names another existing joint and that mimics do not go round in a circle. */
export function checkMimics(ctx: ReadContext, joints: Located<JointDescription>[]): void {
  const byName = new Map(joints.map((j) => [j.value.name, j] as const));
  for (const { value: j, line } of joints) {
    if (!j.mimic) continue;
    if (j.mimic.joint === j.name) at(ctx, line, `joint "${j.name}" mimics itself`);
    if (!byName.has(j.mimic.joint)) at(ctx, line, `joint "${j.name}" mimics joint "${j.mimic.joint}", which does not exist`);
    const chain = [j.name];
    const inChain = new Set(chain);
    let next = byName.get(j.mimic.joint)?.value;
    while (next?.mimic) {
      if (inChain.has(next.name)) at(ctx, line, `mimic loop: ${[...chain, next.name].join(' → ')}`);
      chain.push(next.name);
      inChain.add(next.name);
      next = byName.get(next.mimic.joint)?.value;
    }
  }
}
