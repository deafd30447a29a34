import type { ThreeEvent } from '@react-three/fiber';
import { memo, useRef } from 'react';
import type { Group } from 'three';
import { itemExtent, type CellItem } from '../model';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { ConveyorModel } from './items/ConveyorModel';
import { FenceModel } from './items/FenceModel';
import { MachineModel } from './items/MachineModel';
import { OperatorModel } from './items/OperatorModel';
import { PalletModel } from './items/PalletModel';
import { RobotModel } from './items/RobotModel';
import { TableModel } from './items/TableModel';
import { poseEuler } from './pose';
import { gizmoStore } from '../tools/gizmo-state';
import { onSurfaceClick } from './surface-click';
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
    case 'robot':
      return <RobotModel item={item} />;
  }
}

/** One placed item: posed in the cell, clickable to select (Shift adds to the selection). */
export const ItemNode = memo(function ItemNode({ item, clash }: { item: CellItem; clash: boolean }) {
  const selected = useCell((s) => s.selection.includes(item.id));
  const body = useRef<Group>(null);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (gizmoStore.getState().placingTarget && body.current) {
      // The hit point in the item's own frame: the target belongs to the item and moves with it.
      const local = body.current.worldToLocal(e.point.clone());
      gizmoStore.setState({ placingTarget: false });
      onSurfaceClick(item.id, [local.x, local.y, local.z]);
      return;
    }
    const { selection, select } = cellStore.getState();
    if (e.shiftKey) select(selection.includes(item.id) ? selection.filter((id) => id !== item.id) : [...selection, item.id]);
    else select([item.id]);
  };
  return (
    <group position={item.pose.xyz} rotation={poseEuler(item.pose)} onClick={onClick} name={item.id}>
      <group ref={body}>
        <ItemBody item={item} />
      </group>
      {selected && item.type === 'robot' && <ReachCloud item={item} />}
      {(selected || clash) && <SelectionBox body={body} extent={itemExtent(item)} version={item} colour={clash ? '#d9534f' : '#1e90ff'} />}
    </group>
  );
});
