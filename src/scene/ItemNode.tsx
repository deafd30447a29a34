import type { ThreeEvent } from '@react-three/fiber';
import { memo, useRef } from 'react';
import type { Group } from 'three';
import { itemExtent, type CellItem } from '../model';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { ConveyorModel } from './items/ConveyorModel';
import { FenceModel } from './items/FenceModel';
import { LightCurtainModel } from './items/LightCurtainModel';
import { MachineModel } from './items/MachineModel';
import { OperatorModel } from './items/OperatorModel';
import { PalletModel } from './items/PalletModel';
import { PedestalModel } from './items/PedestalModel';
import { PartModel } from './items/PartModel';
import { RobotModel } from './items/RobotModel';
import { TableModel } from './items/TableModel';
import { TrackModel } from './items/TrackModel';
import { poseEuler } from './pose';
import { gizmoStore } from '../tools/gizmo-state';
import { clickSelection } from '../tools/group-selection';
import { onSurfaceClick } from './surface-click';
import { fenceDrawStore } from '../tools/fence-draw-state';
import { measureStore, pickMeasurePoint } from '../tools/measure-state';
import { measurePointOfHit } from './measure-pick';
import { ReachCloud } from './ReachCloud';
import { SelectionBox } from './SelectionBox';

function ItemBody({ item }: { item: CellItem }) {
  switch (item.type) {
    case 'conveyor':
      return <ConveyorModel item={item} />;
    case 'table':
      return <TableModel item={item} />;
    case 'pallet':
      return <PalletModel item={item} />;
    case 'machine':
      return <MachineModel item={item} />;
    case 'fence':
      return <FenceModel item={item} />;
    case 'operator':
      return <OperatorModel item={item} />;
    case 'pedestal':
      return <PedestalModel item={item} />;
    case 'track':
      return <TrackModel item={item} />;
    case 'lightCurtain':
      return <LightCurtainModel item={item} />;
    case 'part':
      return <PartModel item={item} />;
    case 'robot':
      return <RobotModel item={item} />;
  }
}

/** One placed item: posed in the cell, clickable to select (Shift adds to the selection). */
export const ItemNode = memo(function ItemNode({ item, clash }: { item: CellItem; clash: boolean }) {
  const selected = useCell((s) => s.selection.includes(item.id));
  const body = useRef<Group>(null);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    // Drawing a fence run: the click belongs to the floor under the item (see ToolFloor).
    if (fenceDrawStore.getState().active) return;
    e.stopPropagation();
    if (measureStore.getState().active) {
      if (e.delta <= 4) pickMeasurePoint(measurePointOfHit(e)); // a longer press was an orbit
      return; // measuring never selects
    }
    if (gizmoStore.getState().placingTarget && body.current) {
      // The hit point in the item's own frame: the target belongs to the item and moves with it.
      const local = body.current.worldToLocal(e.point.clone());
      gizmoStore.setState({ placingTarget: false });
      onSurfaceClick(item.id, [local.x, local.y, local.z]);
      return;
    }
    // A click selects the item's whole group; Alt+click the item alone; Shift adds or takes away.
    const { cell, selection, select } = cellStore.getState();
    select(clickSelection(cell.items, selection, item.id, { additive: e.shiftKey, single: e.altKey }));
  };
  // A double-click picks the one member of a group (its clicks selected the group first).
  const onDoubleClick = (e: ThreeEvent<MouseEvent>) => {
    if (fenceDrawStore.getState().active || measureStore.getState().active || item.group === undefined) return;
    e.stopPropagation();
    cellStore.getState().select([item.id]);
  };
  return (
    <group position={item.pose.xyz} rotation={poseEuler(item.pose)} onClick={onClick} onDoubleClick={onDoubleClick} name={item.id}>
      <group ref={body}>
        <ItemBody item={item} />
      </group>
      {selected && item.type === 'robot' && <ReachCloud item={item} />}
      {(selected || clash) && <SelectionBox body={body} extent={itemExtent(item)} version={item} colour={clash ? '#d9534f' : '#1e90ff'} />}
    </group>
  );
});
