/**
 * Beginning pick and place steps. Where they happen is the item their target (or, without one,
 * the last move's target) is attached to, and that decides what they do:
 *
 * - a machine or operator station: a place waits (blocked) until the station is empty and open,
 *   then loads it; a pick waits (starved) until the station has a finished part, then unloads it;
 * - a patterned pallet: a place fills the robot's claimed slot — no free slot, it waits blocked —
 *   and a pick takes from the top slot (waits starved on an empty pallet);
 * - a sink pallet: the part is finished as it is put down;
 * - anything else (a conveyor, a table, the world): a pick waits (starved) until a part is within
 *   reach of the tool, a place lets go (a sink conveyor finishes the part at its end).
 *
 * The gripper acts when the step begins; the step lasts the gripper time (jaws or vacuum).
 */
import { GRIP_REACH } from '../grippers';
import { fault, run, wait, type BeginResult } from './context';
import type { RobotProgram } from './interpreter';
import { slotFor } from './moves';
import type { CompiledStep } from './steps';

/** Drops the claims a pick or place already used: the next one claims afresh. */
function dropUsedClaims(p: RobotProgram): void {
  p.state.claims = p.state.claims.filter((c) => !c.used);
}

/** Marks the robot's claim on `pallet` used. */
function useClaim(p: RobotProgram, pallet: string): void {
  const claim = p.state.claims.find((c) => c.pallet === pallet);
  if (claim) claim.used = true;
}

/** The target a pick or place happens at: its own, else the last move's (−1 when neither). */
const locationOf = (p: RobotProgram, c: CompiledStep): number => (c.target >= 0 ? c.target : p.state.lastTarget);

/** Begins a pick at `time` (see the module comment). */
export function beginPick(p: RobotProgram, c: CompiledStep, time: number): BeginResult {
  const { host, frames, stations, pallets } = p.ctx;
  dropUsedClaims(p);
  if (p.holding()) return fault('pick with a part already in the gripper');
  const at = locationOf(p, c);
  const item = at >= 0 ? frames.item(at) : null;
  const station = item ? stations.get(item.id) : undefined;
  if (station) {
    if (!station.done || station.part === null) return wait('waiting-starved');
    const part = station.part;
    if (host.toolDistance(p.rig, part, time) > host.partRadius(part) + GRIP_REACH) {
      return fault(`the tool is not at the part in ${station.spec.id}`);
    }
    station.beginUnload(time);
    host.grip(p.rig, time, part);
    p.state.pending = { station: station.spec.id, action: 'unload' };
    return run(c.gripperTime, 'gripper');
  }
  const pallet = item ? pallets.get(item.id) : undefined;
  const slot = pallet ? slotFor(p, at) : 0;
  if (slot === null || host.partAtTool(p.rig, time) === null) return wait('waiting-starved');
  host.grip(p.rig, time);
  if (pallet) {
    pallet.take(slot);
    useClaim(p, pallet.id);
  }
  return run(c.gripperTime, 'gripper');
}

/** Begins a place at `time` (see the module comment). */
export function beginPlace(p: RobotProgram, c: CompiledStep, time: number): BeginResult {
  const { host, frames, stations, pallets } = p.ctx;
  dropUsedClaims(p);
  const part = host.held(p.rig);
  if (part === null) return fault('place with an empty gripper');
  const at = locationOf(p, c);
  const item = at >= 0 ? frames.item(at) : null;
  const station = item ? stations.get(item.id) : undefined;
  if (station) {
    if (!station.ready) return wait('waiting-blocked');
    host.release(p.rig, time);
    host.holdPart(part, true);
    station.beginLoad(part, time);
    p.state.pending = { station: station.spec.id, action: 'load' };
    return run(c.gripperTime, 'gripper');
  }
  const pallet = item ? pallets.get(item.id) : undefined;
  const slot = pallet ? slotFor(p, at) : 0;
  if (slot === null) return wait('waiting-blocked');
  host.release(p.rig, time);
  if (pallet) {
    pallet.fill(slot, part, time);
    useClaim(p, pallet.id);
  }
  if (item?.type === 'pallet' && item.sink) host.finishPart(part, time, item.id, false);
  return run(c.gripperTime, 'gripper');
}
