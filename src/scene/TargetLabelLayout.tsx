import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { targetLabelStore, type PlacedLabel } from './target-labels';

/** A target to label: its name and where it is in cell coordinates (Z up). */
export interface LabelSource {
  id: string;
  name: string;
  position: [number, number, number];
  bad: boolean;
  title: string;
}

const v = new Vector3();

/**
 * Inside the canvas: projects each target's label point (30 mm above it) to canvas pixels after
 * every rendered frame, and publishes the result only when a label moved by a pixel or more, so
 * the DOM overlay re-renders with the view, not with every frame of a simulation.
 */
export function TargetLabelLayout({ sources }: { sources: readonly LabelSource[] }) {
  const { camera, size } = useThree();
  useFrame(() => {
    const labels: PlacedLabel[] = sources.map((s) => {
      // Cell (Z up) to three (Y up): (x, y, z) → (x, z, −y), as the root group turns the cell.
      v.set(s.position[0], s.position[2] + 0.03, -s.position[1]);
      const depth = v.distanceTo(camera.position);
      v.project(camera);
      const x = Math.round(((v.x + 1) / 2) * size.width);
      const y = Math.round(((1 - v.y) / 2) * size.height);
      const onScreen = v.z < 1 && x >= 0 && x <= size.width && y >= 0 && y <= size.height;
      return { id: s.id, name: s.name, x, y, depth, bad: s.bad, title: s.title, onScreen };
    });
    const before = targetLabelStore.getState().labels;
    const same =
      before.length === labels.length &&
      before.every((b, i) => {
        const l = labels[i]!;
        return b.id === l.id && b.name === l.name && b.x === l.x && b.y === l.y && b.bad === l.bad && b.title === l.title && b.onScreen === l.onScreen;
      });
    if (!same) targetLabelStore.setState({ labels });
  });
  return null;
}
