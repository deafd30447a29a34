/**
 * Robots on pedestals and linear tracks. A mounted robot keeps a WORLD pose (so the simulation,
 * reach, targets and layout checks read it unchanged); that pose is derived from its mount:
 * - pedestal: on the top centre, turned with the pedestal, plus the robot's own yaw about z;
 * - track: on the carriage top, `mount.position` metres along the track's x axis from its centre.
 *
 * {@link settleMounts} restores that relation after any edit, whatever command made it: the
 * store runs it on every command's result, so moving, rotating, aligning, pasting or resizing a
 * mount carries its robot along, and a robot dragged directly is projected back onto its mount.
 */
import type { Cell, CellItem, PedestalItem, RobotItem, RobotMount, TrackItem } from './cell';
import type { Pose } from './geometry';
import { poseFromFrame, poseInFrame, rotYaw, samePlacement, transposeRot, mulRot, rpyToRot, yawRot } from './pose-math';

/** Something a robot can stand on. */
export type MountItem = PedestalItem | TrackItem;

/** The item types a robot can be mounted on. */
export const MOUNT_TYPES = ['pedestal', 'track'] as const;

/** Thickness of a track's carriage plate (m): the rails end this far below the track's `height`. */
export const CARRIAGE_THICKNESS = 0.04;

/** How close (m) a new robot must stand on a free mount's top to be taken as standing on it. */
const ON_TOP_TOLERANCE = 0.01;

/** True for a pedestal or a track. */
export function isMountItem(item: CellItem | undefined): item is MountItem {
  return item?.type === 'pedestal' || item?.type === 'track';
}

/** The carriage's length along the track (m): square, as wide as the track, never longer than it. */
export function carriageLength(track: TrackItem): number {
  return Math.min(track.width, track.length);
}

/** Half the travel of a track's carriage (m): positions run from −travel to +travel. */
export function trackTravel(track: TrackItem): number {
  return Math.max(0, (track.length - carriageLength(track)) / 2);
}

/** Height (m, in the mount's frame) of the surface the robot stands on. */
export function mountTop(mount: MountItem): number {
  return mount.type === 'pedestal' ? mount.size[2] : mount.height;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** `position` clamped to the mount's travel: 0 on a pedestal. */
export function clampToMount(mount: MountItem, position: number): number {
  if (mount.type === 'pedestal') return 0;
  const travel = trackTravel(mount);
  return clamp(position, -travel, travel);
}

/** The world pose of a robot on `mount` at `position` (track) with its own `yaw` relative to the mount. */
export function mountedPose(mount: MountItem, position: number, yaw: number): Pose {
  return poseFromFrame(mount.pose, [clampToMount(mount, position), 0, mountTop(mount)], yawRot(yaw));
}

/** Where `pose` falls on `mount`: the (clamped) track position and the yaw relative to the mount. */
export function projectOntoMount(mount: MountItem, pose: Pose): { position: number; yaw: number } {
  const local = poseInFrame(mount.pose, pose);
  return { position: clampToMount(mount, local.xyz[0]), yaw: rotYaw(local.rot) };
}

/** The robot's yaw relative to `frame` (rad). */
function relativeYaw(frame: Pose, pose: Pose): number {
  return rotYaw(mulRot(transposeRot(rpyToRot(frame.rpy)), rpyToRot(pose.rpy)));
}

/** The robots standing on item `id`. */
export function robotsOn(cell: Pick<Cell, 'items'>, id: string): RobotItem[] {
  return cell.items.filter((i): i is RobotItem => i.type === 'robot' && i.mount?.item === id);
}

/**
 * `robot` taken off its mount: on the floor (z = 0) where it stood, upright, facing the same way.
 * The same object when it is already there.
 */
export function unmountToFloor(robot: RobotItem): RobotItem {
  const { mount: _gone, ...rest } = robot;
  const pose: Pose = { xyz: [robot.pose.xyz[0], robot.pose.xyz[1], 0], rpy: [0, 0, rotYaw(rpyToRot(robot.pose.rpy))] };
  return { ...rest, pose: samePlacement(pose, robot.pose) ? robot.pose : pose };
}

/** True when `robot` stands on the top of `mount` (within a centimetre, inside its footprint). */
function standsOn(robot: RobotItem, mount: MountItem): boolean {
  const local = poseInFrame(mount.pose, robot.pose).xyz;
  const [hx, hy] = mount.type === 'pedestal' ? [mount.size[0] / 2, mount.size[1] / 2] : [mount.length / 2, mount.width / 2];
  return Math.abs(local[2] - mountTop(mount)) <= ON_TOP_TOLERANCE && Math.abs(local[0]) <= hx && Math.abs(local[1]) <= hy;
}

const sameMount = (a: RobotMount | undefined, b: RobotMount | undefined): boolean => a?.item === b?.item && a?.position === b?.position;

/** `robot` placed on `mount` at `position` with relative `yaw`; the same object when nothing moves. */
function place(robot: RobotItem, mount: MountItem, position: number, yaw: number): RobotItem {
  const at = clampToMount(mount, position);
  const pose = mountedPose(mount, at, yaw);
  const nextMount: RobotMount = mount.type === 'track' ? { item: mount.id, position: at } : { item: mount.id };
  const keepPose = samePlacement(pose, robot.pose);
  const keepMount = sameMount(nextMount, robot.mount);
  if (keepPose && keepMount) return robot;
  return { ...robot, pose: keepPose ? robot.pose : pose, mount: keepMount ? (robot.mount as RobotMount) : nextMount };
}

/**
 * Puts every mounted robot of `next` back on its mount, given the cell `prev` the edit started
 * from. For each mounted robot:
 * - its pose was set directly (a gizmo drag, a typed X) and neither its `mount` nor the mount
 *   item changed: the pose is projected onto the mount — on a track it slides along the rail,
 *   clamped to the travel, which updates `position`; on a pedestal it stays on the top centre and
 *   keeps only its yaw;
 * - otherwise (the mount item moved, turned or was resized — alone or together with the robot —
 *   or `mount.position` changed): the pose is derived from the mount and `position`, keeping the
 *   robot's yaw relative to the mount.
 * A robot whose mount item is gone (or is no pedestal or track) is unmounted to the floor. One
 * robot per mount: a new robot (a copy) whose mount is taken moves to a free mount it stands on
 * (the copy of the pedestal, when both were copied), or to the floor.
 * Returns `next` itself when nothing changes; untouched items are shared.
 */
export function settleMounts(prev: Cell, next: Cell): Cell {
  if (!next.items.some((i) => i.type === 'robot' && i.mount !== undefined)) return next;
  const items = new Map(next.items.map((i) => [i.id, i]));
  const before = new Map(prev.items.map((i) => [i.id, i]));
  const prevRobot = (id: string): RobotItem | undefined => {
    const r = before.get(id);
    return r?.type === 'robot' ? r : undefined;
  };
  const mounted = next.items.filter((i): i is RobotItem & { mount: RobotMount } => i.type === 'robot' && i.mount !== undefined);
  // Robots that already stood on this mount claim it first, so a copy never pushes its original off.
  const keeps = (r: RobotItem & { mount: RobotMount }) => prevRobot(r.id)?.mount?.item === r.mount.item;
  const claimed = new Set<string>();
  const settled = new Map<string, RobotItem>();

  const settle = (robot: RobotItem & { mount: RobotMount }): RobotItem => {
    const old = prevRobot(robot.id);
    let mount = items.get(robot.mount.item);
    if (!isMountItem(mount) || claimed.has(mount.id)) {
      if (old !== undefined) return unmountToFloor(robot);
      mount = next.items.find((i): i is MountItem => isMountItem(i) && !claimed.has(i.id) && standsOn(robot, i));
      if (mount === undefined) return unmountToFloor(robot);
    }
    claimed.add(mount.id);
    const poseSet = old === undefined || !samePlacement(old.pose, robot.pose);
    const mountSet = old === undefined || !sameMount(old.mount, robot.mount);
    const oldMount = before.get(mount.id);
    // Moved, turned or resized by this edit (commands share untouched items, so identity is the quick test).
    const mountMoved = oldMount !== mount && JSON.stringify(oldMount) !== JSON.stringify(mount);
    if (old === undefined || (poseSet && !mountSet && !mountMoved)) {
      // A newcomer may have been moved to another free mount above: its mount is set from there.
      const { position, yaw } = projectOntoMount(mount, robot.pose);
      return place(robot, mount, position, yaw);
    }
    // Derived from the mount (the robot rides along even when it was moved or turned with it):
    // the robot's own yaw is taken relative to the mount as it stood before, unless the robot was
    // turned in this edit too (then relative to the mount as it stands now).
    const frame = !poseSet && isMountItem(oldMount) ? oldMount.pose : mount.pose;
    return place(robot, mount, robot.mount.position ?? 0, relativeYaw(frame, robot.pose));
  };

  for (const robot of [...mounted.filter(keeps), ...mounted.filter((r) => !keeps(r))]) settled.set(robot.id, settle(robot));
  let changed = false;
  const out = next.items.map((i) => {
    const s = settled.get(i.id);
    if (s === undefined || s === i) return i;
    changed = true;
    return s;
  });
  return changed ? { ...next, items: out } : next;
}
