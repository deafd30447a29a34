/**
 * Putting a robot on a pedestal or a linear track, taking it off, moving it along its track, and
 * deleting mounts without leaving their robots in the air. Each is one undo step. The store's
 * settleMounts hook keeps mounted robots on their mounts through every other edit as well.
 */
import { clampToMount, createItem, isMountItem, mountTop, robotsOn, unmountToFloor, type Cell, type CellItem, type RobotItem } from '../model';
import { EditError, type EditCommand } from './cell-store';
import { nextItemId, removeItems } from './commands';

/** The kinds of mount the robot inspector offers. */
export type MountKind = 'pedestal' | 'track';

const findRobot = (cell: Cell, id: string): RobotItem => {
  const item = cell.items.find((i) => i.id === id);
  if (item === undefined) throw new EditError(`no item with id "${id}"`);
  if (item.type !== 'robot') throw new EditError(`"${id}" is a ${item.type}, not a robot`);
  return item;
};

const replace = (cell: Cell, item: CellItem): CellItem[] => cell.items.map((i) => (i.id === item.id ? item : i));

/**
 * Puts robot `robotId` on a new pedestal or track (library defaults) under where it stands: the
 * mount goes on the floor at the robot's x, y, turned with the robot, and the robot is raised onto
 * it (on a track, onto the carriage at the middle of the rail). Refused for a robot already mounted.
 */
export function putOnMount(robotId: string, kind: MountKind): EditCommand {
  return {
    label: `Put ${robotId} on a ${kind === 'pedestal' ? 'pedestal' : 'track'}`,
    apply(cell) {
      const robot = findRobot(cell, robotId);
      if (robot.mount !== undefined) throw new EditError(`${robot.name} already stands on ${robot.mount.item}: take it off first`);
      const [x, y] = robot.pose.xyz;
      const mount = createItem(kind, nextItemId(cell, kind), { xyz: [x, y, 0], rpy: [0, 0, robot.pose.rpy[2]] }, kind === 'pedestal' ? `Pedestal of ${robot.name}` : `Track of ${robot.name}`);
      if (!isMountItem(mount)) throw new Error(`createItem("${kind}") made a ${mount.type}`);
      const raised: RobotItem = {
        ...robot,
        pose: { xyz: [x, y, mountTop(mount)], rpy: [0, 0, robot.pose.rpy[2]] },
        mount: kind === 'track' ? { item: mount.id, position: 0 } : { item: mount.id },
      };
      return { ...cell, items: [...replace(cell, raised), mount] };
    },
    select: () => [robotId],
  };
}

/** Takes robot `robotId` off its mount: back on the floor where it stood. The mount stays. */
export function takeOffMount(robotId: string): EditCommand {
  return {
    label: `Take ${robotId} off its mount`,
    apply(cell) {
      const robot = findRobot(cell, robotId);
      if (robot.mount === undefined) return cell;
      return { ...cell, items: replace(cell, unmountToFloor(robot)) };
    },
  };
}

/**
 * Moves the carriage of the track robot `robotId` stands on to `position` (m from the track's
 * centre along its x axis), clamped to the travel. The robot follows (settleMounts derives it).
 */
export function setTrackPosition(robotId: string, position: number): EditCommand {
  return {
    label: `Move ${robotId} along its track`,
    apply(cell) {
      if (!Number.isFinite(position)) throw new EditError(`track position: expected a number, got ${position}`);
      const robot = findRobot(cell, robotId);
      const track = cell.items.find((i) => i.id === robot.mount?.item);
      if (robot.mount === undefined || track?.type !== 'track') throw new EditError(`${robot.name} is not on a track`);
      const at = clampToMount(track, position);
      if (at === robot.mount.position) return cell;
      return { ...cell, items: replace(cell, { ...robot, mount: { item: track.id, position: at } }) };
    },
  };
}

/** The robots that deleting `ids` leaves without a mount (they are not deleted themselves). */
export function robotsLeftByDeleting(cell: Cell, ids: readonly string[]): RobotItem[] {
  const gone = new Set(ids);
  return ids.flatMap((id) => robotsOn(cell, id)).filter((r) => !gone.has(r.id));
}

/**
 * Deletes items like {@link removeItems}; a robot standing on a deleted pedestal or track is not
 * deleted with it but put back on the floor where it stood, and the label says so
 * ("Delete pedestal-1 (robot-1 back on the floor)"). `cell` is the cell the label is made for.
 */
export function removeItemsAndUnmount(cell: Cell, ids: readonly string[]): EditCommand {
  const remove = removeItems(ids);
  const left = robotsLeftByDeleting(cell, ids).map((r) => r.id);
  return {
    label: left.length === 0 ? remove.label : `${remove.label} (${left.join(', ')} back on the floor)`,
    apply(current) {
      const grounded = new Set(robotsLeftByDeleting(current, ids).map((r) => r.id));
      const after = remove.apply(current);
      if (grounded.size === 0) return after;
      return { ...after, items: after.items.map((i) => (i.type === 'robot' && grounded.has(i.id) ? unmountToFloor(i) : i)) };
    },
  };
}
