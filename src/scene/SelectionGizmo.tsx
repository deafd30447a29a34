import { TransformControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useStore } from 'zustand';
import type { Object3D } from 'three';
import type { Pose } from '../model';
import { cellStore } from '../store/app-store';
import { setItemPose } from '../store/commands';
import { useCell } from '../store/use-cell';
import { gizmoStore, SNAP_ROTATION_RAD, SNAP_TRANSLATION_M } from '../tools/gizmo-state';
import { sessionStore } from '../tools/session-state';
import { fenceDrawStore } from '../tools/fence-draw-state';
import { measureStore } from '../tools/measure-state';
import { IkHandle } from './IkHandle';
import { gizmoHandleRef } from './gizmo-pointer';

/** The pose a dragged item group now has, in cell coordinates (its parent is the Z-up root). */
function poseOf(o: Object3D): Pose {
  // The group's Euler order is 'ZYX' (see pose.ts), so x/y/z are URDF roll/pitch/yaw.
  const r = o.rotation;
  const round = (v: number) => Math.round(v * 1e9) / 1e9; // drop float noise from the gizmo
  return { xyz: [round(o.position.x), round(o.position.y), round(o.position.z)], rpy: [round(r.x), round(r.y), round(r.z)] };
}

/**
 * Move/rotate handles on the single selected item. A whole drag is one undo step: the store's
 * gesture starts on mouse-down, every change replaces the pose, mouse-up commits.
 */
export function SelectionGizmo() {
  const selection = useCell((s) => s.selection);
  const selected = useCell((s) => (s.selection.length === 1 ? s.cell.items.find((i) => i.id === s.selection[0]) : undefined));
  const locked = selected?.locked === true;
  const { mode, snap, free, ik } = useStore(gizmoStore);
  const readOnly = useStore(sessionStore, (s) => s.readOnly);
  // Picking points (measure, fence run) must not move anything: no handles meanwhile.
  const measuring = useStore(measureStore, (s) => s.active);
  const drawing = useStore(fenceDrawStore, (s) => s.active);
  const picking = measuring || drawing;
  const scene = useThree((s) => s.scene);
  const id = selection.length === 1 ? selection[0] : undefined;
  const target = id ? scene.getObjectByName(id) : undefined;
  if (!id || !target || locked || readOnly || picking) return null;
  if (ik && selected?.type === 'robot') return <IkHandle item={selected} />;
  const snapping = snap && !free;
  return (
    <TransformControls
      ref={gizmoHandleRef}
      object={target}
      mode={mode}
      size={1.1}
      translationSnap={snapping ? SNAP_TRANSLATION_M : null}
      rotationSnap={snapping ? SNAP_ROTATION_RAD : null}
      space="local"
      onMouseDown={() => cellStore.getState().beginGesture(`${mode === 'translate' ? 'Move' : 'Rotate'} ${selected?.name ?? id}`)}
      onObjectChange={() => {
        if (cellStore.getState().gestureActive) cellStore.getState().updateGesture(setItemPose(id, poseOf(target)));
      }}
      onMouseUp={() => cellStore.getState().endGesture()}
    />
  );
}
