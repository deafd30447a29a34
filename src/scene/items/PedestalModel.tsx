import type { PedestalItem } from '../../model';
import { COLORS } from './materials';

/** Plate thickness of a pedestal's base and top plates (m). */
const PLATE = 0.03;

/**
 * A robot pedestal: a welded steel riser — a base plate bolted to the floor, a square column, and
 * a top plate at `size[2]` that the robot's base is bolted to. The pose is the centre of its
 * footprint on the floor.
 */
export function PedestalModel({ item }: { item: PedestalItem }) {
  const [sx, sy, sz] = item.size;
  const plate = Math.min(PLATE, sz / 4);
  const column = Math.min(sx, sy) * 0.6;
  const bolt = Math.min(sx, sy) * 0.06;
  return (
    <group>
      <mesh position={[0, 0, plate / 2]} castShadow receiveShadow>
        <boxGeometry args={[sx, sy, plate]} />
        <meshStandardMaterial color={COLORS.frame} metalness={0.4} roughness={0.5} />
      </mesh>
      <mesh position={[0, 0, sz / 2]} castShadow receiveShadow>
        <boxGeometry args={[column, column, sz - 2 * plate]} />
        <meshStandardMaterial color={COLORS.steel} metalness={0.4} roughness={0.5} />
      </mesh>
      <mesh position={[0, 0, sz - plate / 2]} castShadow receiveShadow>
        <boxGeometry args={[sx, sy, plate]} />
        <meshStandardMaterial color={COLORS.frame} metalness={0.4} roughness={0.5} />
      </mesh>
      {[-1, 1].flatMap((ix) =>
        [-1, 1].map((iy) => (
          // Anchor bolts at the base plate's corners.
          <mesh key={`${ix}:${iy}`} position={[ix * (sx / 2 - bolt * 1.5), iy * (sy / 2 - bolt * 1.5), plate + bolt / 4]}>
            <boxGeometry args={[bolt, bolt, bolt / 2]} />
            <meshStandardMaterial color={COLORS.roller} metalness={0.6} roughness={0.3} />
          </mesh>
        )),
      )}
    </group>
  );
}
