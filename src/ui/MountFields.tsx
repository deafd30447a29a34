import { carriageLength, isMountItem, trackTravel, type CellItem, type MountItem, type RobotItem } from '../model';
import { updateItem } from '../store/commands';
import { putOnMount, setTrackPosition, takeOffMount } from '../store/mount-commands';
import { useCell } from '../store/use-cell';
import { edit } from './edit';
import { itemPointer } from './experiment/field-pointer';
import { NumberField } from './NumberField';
import { MM } from './units';

const mm = (m: number): string => Math.round(MM.fromSI(m)).toLocaleString('en');

/**
 * What the robot stands on, in the robot's inspector. A robot on the floor gets "Put on
 * pedestal" / "Put on track" (the mount is created under it, one undo step); a mounted robot
 * shows its mount, the carriage position on a track (mm, within the travel) and "Take off mount".
 */
export function MountFields({ item }: { item: RobotItem }) {
  const mountId = item.mount?.item;
  const mount = useCell((s) => (mountId === undefined ? undefined : s.cell.items.find((i) => i.id === mountId)));
  if (item.mount === undefined || !isMountItem(mount)) {
    return (
      <div className="row mount-actions">
        <button onClick={() => edit(putOnMount(item.id, 'pedestal'))} title="Stand the robot on a 500 mm steel pedestal placed under it">
          Put on pedestal
        </button>
        <button onClick={() => edit(putOnMount(item.id, 'track'))} title="Stand the robot on the carriage of a 4 m linear track placed under it">
          Put on track
        </button>
      </div>
    );
  }
  const travel = mount.type === 'track' ? trackTravel(mount) : 0;
  return (
    <>
      <p className="hint" aria-label="Mount">
        On {mount.type === 'track' ? 'track' : 'pedestal'} <strong>{mount.name}</strong> ({mount.id}): it moves with its mount
        {mount.type === 'track' ? '; drag it to slide along the rail.' : '.'}
      </p>
      {mount.type === 'track' && (
        <>
          <NumberField label="Track position" value={item.mount.position ?? 0} unit={MM} step={10} pointer={itemPointer(item.id, 'mount', 'position')} onCommit={(v) => edit(setTrackPosition(item.id, v))} />
          <p className="hint">
            Travel −{mm(travel)} … +{mm(travel)} mm from the track's centre.
          </p>
        </>
      )}
      <div className="row">
        <button onClick={() => edit(takeOffMount(item.id))} title="Put the robot back on the floor; the mount stays">
          Take off mount
        </button>
      </div>
    </>
  );
}

/** The robot standing on mount `id`, if any. */
function useRobotOn(id: string): RobotItem | undefined {
  return useCell((s) => s.cell.items.find((i): i is RobotItem => i.type === 'robot' && i.mount?.item === id));
}

/**
 * A pedestal's or a track's own fields (mm), and which robot stands on it. These and the track
 * position can be varied in an experiment: a variant's robot is put back on its mount when the
 * varied cell is read (model/mounts.ts), as after an edit.
 */
export function MountItemFields({ item }: { item: MountItem }) {
  const robot = useRobotOn(item.id);
  const update = (patch: Partial<MountItem>) => edit(updateItem(item.id, patch as Partial<CellItem>));
  const carries = (
    <p className="hint">{robot ? `Carries ${robot.name} (${robot.id}); it moves with this ${item.type}.` : `No robot on it: select a robot and use “Put on ${item.type}”, or delete this ${item.type}.`}</p>
  );
  if (item.type === 'pedestal') {
    const [sx, sy, sz] = item.size;
    return (
      <>
        <NumberField label="Length" value={sx} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'size', 0)} onCommit={(v) => update({ size: [v, sy, sz] })} />
        <NumberField label="Width" value={sy} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'size', 1)} onCommit={(v) => update({ size: [sx, v, sz] })} />
        <NumberField label="Height" value={sz} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'size', 2)} onCommit={(v) => update({ size: [sx, sy, v] })} />
        {carries}
      </>
    );
  }
  return (
    <>
      <NumberField label="Rail length" value={item.length} unit={MM} min={1} step={100} pointer={itemPointer(item.id, 'length')} onCommit={(v) => update({ length: v })} />
      <NumberField label="Width" value={item.width} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'width')} onCommit={(v) => update({ width: v })} />
      <NumberField label="Carriage height" value={item.height} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'height')} onCommit={(v) => update({ height: v })} />
      <p className="hint">Travel ±{mm(trackTravel(item))} mm (rail length minus the {mm(carriageLength(item))} mm carriage).</p>
      {carries}
    </>
  );
}
