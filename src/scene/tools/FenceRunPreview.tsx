import { Html, Line } from '@react-three/drei';
import { useStore } from 'zustand';
import type { Vec3 } from '../../model';
import { fenceDrawStore } from '../../tools/fence-draw-state';
import type { Point2 } from '../../tools/fence-run';
import { toMm } from '../../tools/measure';

/** Just above the floor grid, so the preview is not hidden in it. */
const LIFT = 0.01;
const up = ([x, y]: Point2): Vec3 => [x, y, LIFT];

function SegmentLabel({ a, b, pending }: { a: Point2; b: Point2; pending: boolean }) {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length < 1e-6) return null;
  return (
    <Html position={[(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, LIFT]} center zIndexRange={[4, 0]} style={{ pointerEvents: 'none' }}>
      <span className={`dimension-label${pending ? ' pending' : ''}`}>{toMm(length)} mm</span>
    </Html>
  );
}

/**
 * The fence run being drawn (inside the Z-up root): the segments placed so far in the fence's
 * yellow with their lengths in mm, and the next segment to the pointer, dashed.
 */
export function FenceRunPreview() {
  const { active, points, hover } = useStore(fenceDrawStore);
  if (!active) return null;
  const last = points.at(-1);
  return (
    <group name="fence-run-preview">
      {points.length > 1 && <Line points={points.map(up)} color="#e0a800" lineWidth={4} depthTest={false} renderOrder={10} />}
      {points.slice(1).map((p, i) => (
        <SegmentLabel key={i} a={points[i] as Point2} b={p} pending={false} />
      ))}
      {last && hover && (
        <>
          <Line points={[up(last), up(hover)]} color="#e0a800" lineWidth={2} dashed dashSize={0.08} gapSize={0.05} depthTest={false} renderOrder={10} />
          <SegmentLabel a={last} b={hover} pending />
        </>
      )}
      {[...points, ...(hover ? [hover] : [])].map((p, i) => (
        <mesh key={i} position={up(p)} renderOrder={11}>
          <sphereGeometry args={[0.03, 12, 8]} />
          <meshBasicMaterial color={i < points.length ? '#1f2a33' : '#e0a800'} depthTest={false} transparent />
        </mesh>
      ))}
    </group>
  );
}
