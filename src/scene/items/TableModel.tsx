import type { TableItem } from '../../model';
import { COLORS } from './materials';

/** A work table: a top plate at size[2] on four square legs. */
export function TableModel({ item }: { item: TableItem }) {
  const [sx, sy, sz] = item.size;
  const top = Math.min(0.05, sz / 5);
  const leg = 0.06;
  return (
    <group>
      <mesh position={[0, 0, sz - top / 2]} castShadow receiveShadow>
        <boxGeometry args={[sx, sy, top]} />
        <meshStandardMaterial color={COLORS.tableTop} roughness={0.6} />
      </mesh>
      {[-1, 1].flatMap((ix) =>
        [-1, 1].map((iy) => (
          <mesh key={`${ix}:${iy}`} position={[ix * (sx / 2 - leg), iy * (sy / 2 - leg), (sz - top) / 2]} castShadow>
            <boxGeometry args={[leg, leg, sz - top]} />
            <meshStandardMaterial color={COLORS.steel} metalness={0.4} roughness={0.5} />
          </mesh>
        )),
      )}
    </group>
  );
}
