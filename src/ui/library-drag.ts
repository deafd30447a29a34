/**
 * Dragging from the library into the scene: the library item rides in the drag data, and the
 * drop lands it on the floor under the pointer (snapped to 10 mm when snapping is on).
 */
import type { DragEvent } from 'react';
import { createEquipment, equipmentIdPrefix, type CellItem, type EquipmentEntry, type RobotItem } from '../model';
import { floorPointAt } from '../scene/scene-handles';
import { cellStore } from '../store/app-store';
import { addItem, nextItemId } from '../store/commands';
import { gizmoStore, SNAP_TRANSLATION_M } from '../tools/gizmo-state';
import { edit } from './edit';

/** The drag data type; only CellTwin's own library drags carry it. */
export const LIBRARY_MIME = 'application/x-celltwin-library';

export type LibraryDrag = { kind: 'item'; type: EquipmentEntry } | { kind: 'robot'; id: string; name: string };

/** Starts a library drag carrying `what`. */
export function startLibraryDrag(e: DragEvent, what: LibraryDrag): void {
  e.dataTransfer.setData(LIBRARY_MIME, JSON.stringify(what));
  e.dataTransfer.effectAllowed = 'copy';
}

/** True when a drag carries a library item. */
export function isLibraryDrag(types: readonly string[]): boolean {
  return types.includes(LIBRARY_MIME);
}

const snap = (v: number) => (gizmoStore.getState().snap ? Math.round(v / SNAP_TRANSLATION_M) * SNAP_TRANSLATION_M : v);

/** Places the dragged library item at the floor point under (clientX, clientY). */
export function dropLibraryItem(data: string, clientX: number, clientY: number): boolean {
  const point = floorPointAt(clientX, clientY);
  if (!point) return false;
  const what = JSON.parse(data) as LibraryDrag;
  const { cell } = cellStore.getState();
  const pose = { xyz: [snap(point[0]), snap(point[1]), 0] as [number, number, number], rpy: [0, 0, 0] as [number, number, number] };
  let item: CellItem;
  if (what.kind === 'item') item = createEquipment(what.type, nextItemId(cell, equipmentIdPrefix(what.type)), pose);
  else {
    const robot: RobotItem = { id: nextItemId(cell, 'robot'), name: what.name, type: 'robot', pose, source: { type: 'bundled', id: what.id }, tool: null };
    item = robot;
  }
  return edit(addItem(item));
}
