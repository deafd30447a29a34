import { Html, Line } from '@react-three/drei';
import { useStore } from 'zustand';
import type { Vec3 } from '../../model';
import { measure, toMm } from '../../tools/measure';
import { measureStore } from '../../tools/measure-state';

const BLUE = '#1e6fd9';
/** Axis colours of the Δ legs, as the view gizmo draws the axes. */
const AXIS = { x: '#d9534f', y: '#5cb85c', z: '#3a7bd5' } as const;

/** A small dot that stays visible through items (the points are often on hidden faces). */
function PointMark({ at, name }: { at: Vec3; name: string }) {
  return (
    <mesh position={at} name={name} renderOrder={10}>
      <sphereGeometry args={[0.015, 16, 12]} />
      <meshBasicMaterial color={BLUE} depthTest={false} transparent />
    </mesh>
  );
}

/**
 * The measurement in the scene (inside the Z-up root, so in cell coordinates): the picked points,
 * the dimension line between them with its length in mm, and thin legs along x, y and z that
 * show the components. Drawn over the items (no depth test) so a line behind a machine still shows.
 */
export function MeasureOverlay() {
  const { active, a, b } = useStore(measureStore);
  if (!active || a === null) return null;
  if (b === null) return <PointMark at={a} name="measure-a" />;
  const m = measure(a, b);
  const mid: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  const corner1: Vec3 = [b[0], a[1], a[2]];
  const corner2: Vec3 = [b[0], b[1], a[2]];
  return (
    <group name="measurement">
      <PointMark at={a} name="measure-a" />
      <PointMark at={b} name="measure-b" />
      <Line points={[a, b]} color={BLUE} lineWidth={2.5} depthTest={false} renderOrder={10} />
      <Line points={[a, corner1]} color={AXIS.x} lineWidth={1.2} dashed dashSize={0.03} gapSize={0.02} depthTest={false} renderOrder={9} />
      <Line points={[corner1, corner2]} color={AXIS.y} lineWidth={1.2} dashed dashSize={0.03} gapSize={0.02} depthTest={false} renderOrder={9} />
      <Line points={[corner2, b]} color={AXIS.z} lineWidth={1.2} dashed dashSize={0.03} gapSize={0.02} depthTest={false} renderOrder={9} />
      <Html position={mid} center zIndexRange={[4, 0]} style={{ pointerEvents: 'none' }}>
        <span className="dimension-label" data-testid="measure-label">
          {toMm(m.distance)} mm
        </span>
      </Html>
    </group>
  );
}
