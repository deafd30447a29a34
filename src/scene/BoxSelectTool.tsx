import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Raycaster, Vector2, type Object3D } from 'three';
import { useStore } from 'zustand';
import { cellStore } from '../store/app-store';
import { boxSelectIds } from '../tools/box-select';
import { boxSelectStore, cancelBox, moveBox, pressBox, releaseBox, wantsBox, type BoxRelease } from '../tools/box-select-state';
import { fenceDrawStore } from '../tools/fence-draw-state';
import { gizmoStore } from '../tools/gizmo-state';
import { clickSelection, combineSelection } from '../tools/group-selection';
import { measureStore } from '../tools/measure-state';
import { pointerOnGizmoHandle } from './gizmo-pointer';
import { cameraProjector } from './screen-projection';

interface Enableable {
  enabled: boolean;
}

/** The id of the item an object belongs to: the nearest ancestor named after an item. */
function itemIdOf(o: Object3D | null, ids: ReadonlySet<string>): string | null {
  for (let p = o; p !== null; p = p.parent) if (ids.has(p.name)) return p.name;
  return null;
}

/**
 * Box selection in the 3D view (the rules: tools/box-select.ts; the states: box-select-state.ts).
 * It listens on window in the capture phase, so a press that starts a box never reaches the
 * orbit controls or r3f's click handling (both listen on the canvas's wrapper); a press it does
 * not want passes on untouched. The orbit controls are also switched off for the length of the
 * drag. Renders nothing: the rubber band is a DOM overlay (ui/BoxSelectOverlay.tsx).
 */
export function BoxSelectTool() {
  const { gl, camera, scene, controls, invalidate } = useThree();
  const armed = useStore(boxSelectStore, (s) => s.armed);

  useEffect(() => {
    gl.domElement.style.cursor = armed ? 'crosshair' : '';
  }, [armed, gl]);

  useEffect(() => {
    const canvas = gl.domElement;
    const raycaster = new Raycaster();
    const orbit = controls as unknown as Enableable | null;

    /** The item under a page point, or null for empty floor. */
    const itemAt = (clientX: number, clientY: number): string | null => {
      const root = scene.getObjectByName('cell-root-z-up');
      if (!root) return null;
      const r = canvas.getBoundingClientRect();
      const ndc = new Vector2(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const ids = new Set(cellStore.getState().cell.items.map((i) => i.id));
      for (const hit of raycaster.intersectObject(root, true)) {
        const id = itemIdOf(hit.object, ids);
        if (id !== null) return id;
      }
      return null;
    };

    const finish = (outcome: BoxRelease) => {
      const { cell, selection, select } = cellStore.getState();
      if (outcome.kind === 'box') {
        const hits = boxSelectIds(cell.items, cameraProjector(camera, canvas.getBoundingClientRect()), outcome.rect, outcome.mode);
        select(combineSelection(selection, hits, outcome.additive));
      } else if (outcome.kind === 'click') {
        // A click with the tool armed (or a Shift+click on empty floor): select as a click would.
        const id = itemAt(outcome.x, outcome.y);
        if (id !== null) select(clickSelection(cell.items, selection, id, { additive: outcome.additive, single: false }));
        else if (!outcome.additive) select([]);
      }
    };

    // The click that follows the release of a box must not reach r3f (it would clear the selection).
    const swallowClick = (e: MouseEvent) => e.stopPropagation();
    const onMove = (e: PointerEvent) => {
      e.stopPropagation();
      boxSelectStore.setState(moveBox(boxSelectStore.getState(), e.clientX, e.clientY));
    };
    const stop = () => {
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('pointercancel', onCancel, true);
      if (orbit) orbit.enabled = true;
      invalidate();
    };
    const onUp = (e: PointerEvent) => {
      e.stopPropagation();
      stop();
      const { state, outcome } = releaseBox(boxSelectStore.getState());
      boxSelectStore.setState(state);
      window.addEventListener('click', swallowClick, true);
      setTimeout(() => window.removeEventListener('click', swallowClick, true), 0);
      finish(outcome);
    };
    const onCancel = () => {
      stop();
      boxSelectStore.setState(cancelBox());
    };
    const onDown = (e: PointerEvent) => {
      if (e.target !== canvas) return; // toolbars and panels over the view keep their clicks
      if (measureStore.getState().active || fenceDrawStore.getState().active || gizmoStore.getState().placingTarget) return;
      const state = boxSelectStore.getState();
      const press = { button: e.button, shiftKey: e.shiftKey, overHandle: pointerOnGizmoHandle() };
      if (!wantsBox(state, press, () => itemAt(e.clientX, e.clientY) !== null)) return;
      e.stopPropagation();
      e.preventDefault();
      if (orbit) orbit.enabled = false;
      boxSelectStore.setState(pressBox(state, e.clientX, e.clientY, e.shiftKey));
      window.addEventListener('pointermove', onMove, true);
      window.addEventListener('pointerup', onUp, true);
      window.addEventListener('pointercancel', onCancel, true);
    };
    // Escape while armed or dragging drops the box and keeps the selection (before shortcuts.ts clears it).
    const onKey = (e: KeyboardEvent) => {
      const s = boxSelectStore.getState();
      if (e.key !== 'Escape' || (!s.armed && s.phase.kind === 'idle')) return;
      e.stopPropagation();
      e.preventDefault();
      onCancel();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('click', swallowClick, true);
      stop();
    };
  }, [gl, camera, scene, controls, invalidate]);
  return null;
}
