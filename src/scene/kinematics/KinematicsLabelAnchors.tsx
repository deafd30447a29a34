import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3, type Group } from 'three';
import { kinematicsLabelStore, sameProjection, type KinematicsLabelSource, type ProjectedKinematicsLabel } from './kinematics-labels';

const v = new Vector3();

/**
 * Inside the canvas, in the group the labels' points are given in: projects each label's point
 * to canvas pixels after every rendered frame and publishes the anchors when one moved by a
 * pixel (the DOM overlay lays the labels out; drei's Html, one DOM node per label placed
 * independently, let them pile up on each other).
 */
export function KinematicsLabelAnchors({ sources }: { sources: readonly KinematicsLabelSource[] }) {
  const ref = useRef<Group>(null);
  const { camera, size } = useThree();
  useEffect(() => () => kinematicsLabelStore.setState({ labels: [] }), []);
  useFrame(() => {
    const group = ref.current;
    if (!group) return;
    group.updateWorldMatrix(true, false);
    const labels: ProjectedKinematicsLabel[] = sources.map((s) => {
      v.set(s.position[0], s.position[1], s.position[2]).applyMatrix4(group.matrixWorld);
      const depth = v.distanceTo(camera.position);
      v.project(camera);
      const x = Math.round(((v.x + 1) / 2) * size.width);
      const y = Math.round(((1 - v.y) / 2) * size.height);
      const onScreen = v.z < 1 && x >= 0 && x <= size.width && y >= 0 && y <= size.height;
      return { id: s.id, text: s.text, kind: s.kind, x, y, depth, onScreen };
    });
    if (!sameProjection(kinematicsLabelStore.getState().labels, labels)) kinematicsLabelStore.setState({ labels });
  });
  return <group ref={ref} />;
}
