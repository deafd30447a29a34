import type { ThreeEvent } from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Plane, Vector3, type Mesh } from 'three';
import { useStore } from 'zustand';
import { fenceDrawStore, addFenceDrawPoint, finishFenceDraw, hoverFenceDraw } from '../../tools/fence-draw-state';
import { gizmoStore } from '../../tools/gizmo-state';
import { measureStore, pickMeasurePoint } from '../../tools/measure-state';
import { cellPointOf } from '../cell-point';

/** A press that moved further than this (px) was an orbit or pan, not a click. */
const CLICK_SLOP_PX = 4;
/** Half the catcher's side (m): far beyond any cell, so a click on the floor never misses it. */
const HALF_SIDE = 500;
/** The floor in three.js world coordinates: y = 0 (the cell's z = 0, see CellCanvas). */
const FLOOR = new Plane(new Vector3(0, 1, 0), 0);

/**
 * An invisible floor plane that catches clicks while the measure tool or fence drawing is on.
 * It lives inside the Z-up root (its plane is the cell floor, z = 0) and exists only while a
 * tool is on, so ordinary clicks on empty floor still clear the selection. Items above it get
 * the click first: ItemNode measures on their surface, or lets fence clicks fall through to here.
 */
export function ToolFloor() {
  const measuring = useStore(measureStore, (s) => s.active);
  const drawing = useStore(fenceDrawStore, (s) => s.active);
  const mesh = useRef<Mesh>(null);
  // The canvas renders on demand, and the raycaster reads world matrices as the last frame left
  // them: place the catcher in the turned cell root now, not at the next frame.
  useLayoutEffect(() => mesh.current?.updateWorldMatrix(true, false), [measuring, drawing]);
  if (!measuring && !drawing) return null;
  const free = (e: ThreeEvent<MouseEvent>) => e.shiftKey || !gizmoStore.getState().snap;
  // The pointer ray meets the floor plane exactly, whatever the catcher's tessellation or matrix.
  const floorXY = (e: ThreeEvent<MouseEvent>): [number, number] => {
    const hit = e.ray.intersectPlane(FLOOR, new Vector3()) ?? e.point;
    const [x, y] = cellPointOf(hit);
    return [x, y];
  };
  return (
    <mesh
      ref={mesh}
      name="tool-floor"
      position={[0, 0, 0]}
      renderOrder={-1}
      onClick={(e) => {
        if (e.delta > CLICK_SLOP_PX) return;
        e.stopPropagation();
        if (measureStore.getState().active) pickMeasurePoint([...floorXY(e), 0]);
        else addFenceDrawPoint(floorXY(e), free(e));
      }}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (fenceDrawStore.getState().active) finishFenceDraw();
      }}
      onPointerMove={(e) => {
        if (fenceDrawStore.getState().active) hoverFenceDraw(floorXY(e), free(e));
      }}
      onPointerOut={() => hoverFenceDraw(null, false)}
    >
      <planeGeometry args={[2 * HALF_SIDE, 2 * HALF_SIDE]} />
      {/* Drawn as nothing (no colour, no depth) but still hit by the raycaster. */}
      <meshBasicMaterial transparent opacity={0} depthWrite={false} colorWrite={false} />
    </mesh>
  );
}
