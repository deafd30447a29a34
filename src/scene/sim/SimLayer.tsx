import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Mesh, MeshStandardMaterial, type Group } from 'three';
import { useStore } from 'zustand';
import { simClient } from '../../bridge/sim-client';
import { simStatusStore } from '../../bridge/sim-status';
import { BODY, FRAME, FRAME_BODY_FLOATS, FRAME_HEADER_FLOATS } from '../../sim/frame-layout';
import { cellStore } from '../../store/app-store';
import { robotViews } from '../robot/view-registry';
import { COLORS } from '../items/materials';
import { FrameInterpolator } from './frame-interpolator';
import { partGeometry, partShape } from './part-shapes';

const partMaterial = new MeshStandardMaterial({ color: COLORS.part, roughness: 0.5 });

/** Puts every robot back in the document's joint values (the simulation stopped). */
function showDocumentPoses(): void {
  for (const item of cellStore.getState().cell.items) {
    const registered = item.type === 'robot' ? robotViews.get(item.id) : undefined;
    if (!registered) continue;
    const q = item.type === 'robot' ? (item.joints ?? []) : [];
    registered.jointNames.forEach((name, i) => registered.view.setJointValue(name, q[i] ?? 0));
  }
}

/**
 * Draws the running simulation: poses the robot views from the frame's joint values and the
 * parts from their body records, blended between the two newest frames. Per-frame data goes
 * straight to three objects, never through React state.
 */
export function SimLayer() {
  const phase = useStore(simStatusStore, (s) => s.phase);
  const bodies = useStore(simStatusStore, (s) => s.bodies);
  const joints = useStore(simStatusStore, (s) => s.joints);
  const analysing = useStore(simStatusStore, (s) => s.analysis !== null);
  const invalidate = useThree((s) => s.invalidate);
  const interpolator = useRef(new FrameInterpolator());
  const partsGroup = useRef<Group>(null);
  const parts = useRef(new Map<number, Mesh>());

  // Part meshes follow the body table: one per part body, made once, kept until the run ends.
  useEffect(() => {
    const group = partsGroup.current;
    if (!group) return;
    const cell = cellStore.getState().cell;
    for (const body of bodies) {
      if (body.kind !== 'part' || parts.current.has(body.id)) continue;
      const mesh = new Mesh(partGeometry(partShape(cell, body.name)), partMaterial);
      mesh.name = `part:${body.name}`;
      mesh.castShadow = true;
      mesh.visible = false; // until a frame places it
      parts.current.set(body.id, mesh);
      group.add(mesh);
    }
  }, [bodies]);

  useEffect(() => {
    if (phase === 'off') {
      interpolator.current.clear();
      for (const mesh of parts.current.values()) {
        mesh.removeFromParent();
        mesh.geometry.dispose();
      }
      parts.current.clear();
      showDocumentPoses();
    }
    invalidate();
  }, [phase]);

  useFrame((state) => {
    if (phase === 'off') return;
    const now = performance.now();
    const incoming = simClient.readFrame();
    if (incoming?.isNew) interpolator.current.push(incoming.frame, incoming.length, now);
    const fi = interpolator.current;
    if (fi.sample(now)) {
      const f = fi.out;
      const count = f[FRAME.BODY_COUNT] ?? 0;
      for (const mesh of parts.current.values()) mesh.visible = false;
      for (let i = 0; i < count; i++) {
        const o = FRAME_HEADER_FLOATS + i * FRAME_BODY_FLOATS;
        const mesh = parts.current.get(f[o + BODY.ID] ?? -1);
        if (!mesh) continue;
        mesh.visible = true;
        mesh.position.set(f[o + BODY.PX] ?? 0, f[o + BODY.PY] ?? 0, f[o + BODY.PZ] ?? 0);
        mesh.quaternion.set(f[o + BODY.QX] ?? 0, f[o + BODY.QY] ?? 0, f[o + BODY.QZ] ?? 0, f[o + BODY.QW] ?? 1);
      }
      let k = FRAME_HEADER_FLOATS + count * FRAME_BODY_FLOATS;
      for (const robot of joints) {
        const registered = robotViews.get(robot.robot);
        for (const name of robot.joints) {
          const value = f[k++] ?? 0;
          if (!registered) continue;
          if (name.startsWith('tool/')) registered.tool?.setJointValue(name.slice(5), value);
          else registered.view.setJointValue(name, value);
        }
      }
    }
    // An analysis run sends a few frames a second: drawing at 60 fps in between would only take
    // the CPU the worker needs (the interval below looks for its frames instead).
    if (!analysing && (phase === 'running' || phase === 'loading' || phase === 'recovering')) state.invalidate();
  });

  useEffect(() => {
    if (!analysing) return;
    const timer = setInterval(() => invalidate(), 125);
    return () => clearInterval(timer);
  }, [analysing, invalidate]);

  return <group ref={partsGroup} name="sim-parts" />;
}
