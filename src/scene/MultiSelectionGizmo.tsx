import { TransformControls } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Object3D, Vector3 } from 'three';
import { useStore } from 'zustand';
import { fenceDrawStore } from '../tools/fence-draw-state';
import { measureStore } from '../tools/measure-state';
import type { Vec3 } from '../model';
import { cellStore } from '../store/app-store';
import { transformItems } from '../store/arrange-commands';
import { useCell } from '../store/use-cell';
import { gizmoStore, SNAP_ROTATION_RAD, SNAP_TRANSLATION_M } from '../tools/gizmo-state';
import { selectionCentre, snapAngle, snapDelta, type MultiTransform } from '../tools/multi-transform';
import { sessionStore } from '../tools/session-state';
import { gizmoHandleRef } from './gizmo-pointer';

/** What a drag remembers from its start. */
interface Drag {
  ids: string[];
  start: Vec3;
  centre: [number, number];
}

/** The heading (rad) of an object's own x axis seen from above: its turn about the cell's Z. */
function headingOf(o: Object3D): number {
  const x = new Vector3(1, 0, 0).applyQuaternion(o.quaternion);
  return Math.atan2(x.y, x.x);
}

/**
 * Move/rotate handles for two or more selected items. The handles sit on an invisible pivot at
 * the selection's centre (tools/multi-transform.ts), inside the Z-up root so that its position
 * is in cell coordinates. Dragging moves the pivot; each change is turned into one transform of
 * all the items, applied to the cell as it was when the drag began (the store's gesture), so the
 * whole drag is one undo step. Turning works about the vertical only: whatever ring is dragged,
 * the pivot's heading is what counts. Hidden when an item of the selection is locked, as the
 * one-item handles are for a locked item.
 */
export function MultiSelectionGizmo() {
  const items = useCell((s) => s.cell.items);
  const selection = useCell((s) => s.selection);
  const selected = useMemo(() => items.filter((i) => selection.includes(i.id)), [items, selection]);
  const { mode, snap, free } = useStore(gizmoStore);
  const readOnly = useStore(sessionStore, (s) => s.readOnly);
  // Picking points (measure, fence drawing) must never move what is selected.
  const measuring = useStore(measureStore, (s) => s.active);
  const drawing = useStore(fenceDrawStore, (s) => s.active);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const pivot = useMemo(() => Object.assign(new Object3D(), { name: 'multi-selection-pivot' }), []);
  const drag = useRef<Drag | null>(null);
  const [cx, cy, cz] = selectionCentre(selected);

  useLayoutEffect(() => {
    const root = scene.getObjectByName('cell-root-z-up');
    root?.add(pivot);
    return () => void root?.remove(pivot);
  }, [scene, pivot]);

  const placePivot = (x: number, y: number, z: number) => {
    pivot.position.set(x, y, z);
    pivot.rotation.set(0, 0, 0);
    pivot.updateMatrixWorld();
    invalidate();
  };
  useLayoutEffect(() => {
    if (drag.current === null) placePivot(cx, cy, cz); // mid-drag the pivot follows the pointer
  }, [cx, cy, cz]);

  if (selected.length < 2 || readOnly || measuring || drawing || selected.some((i) => i.locked === true)) return null;
  const snapping = snap && !free;
  const label = `${mode === 'translate' ? 'Move' : 'Rotate'} ${selected.length} items`;

  const current = (d: Drag): MultiTransform => {
    if (mode === 'translate') {
      const delta: Vec3 = [pivot.position.x - d.start[0], pivot.position.y - d.start[1], pivot.position.z - d.start[2]];
      return { kind: 'translate', delta: snapDelta(delta, snapping ? SNAP_TRANSLATION_M : null) };
    }
    return { kind: 'rotate', angle: snapAngle(headingOf(pivot), snapping ? SNAP_ROTATION_RAD : null), centre: d.centre };
  };

  return (
    <TransformControls
      ref={gizmoHandleRef}
      object={pivot}
      mode={mode}
      size={1.1}
      space="local"
      showX={mode === 'translate'}
      showY={mode === 'translate'}
      translationSnap={null}
      rotationSnap={null}
      onMouseDown={() => {
        drag.current = { ids: selected.map((i) => i.id), start: [pivot.position.x, pivot.position.y, pivot.position.z], centre: [cx, cy] };
        cellStore.getState().beginGesture(label);
      }}
      onObjectChange={() => {
        const d = drag.current;
        if (d !== null && cellStore.getState().gestureActive) cellStore.getState().updateGesture(transformItems(d.ids, current(d)));
      }}
      onMouseUp={() => {
        cellStore.getState().endGesture();
        drag.current = null;
        // Back on the centre of where the items now are (a turn changes the box around them).
        const { cell, selection: ids } = cellStore.getState();
        const [x, y, z] = selectionCentre(cell.items.filter((i) => ids.includes(i.id)));
        placePivot(x, y, z);
      }}
    />
  );
}
