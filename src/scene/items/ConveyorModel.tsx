import type { ConveyorItem } from '../../model';
import { COLORS } from './materials';

/**
 * A belt conveyor: belt top at `height`, running along +x, on legs at each end. The pose is the
 * centre of its footprint on the floor.
 */
export function ConveyorModel({ item }: { item: ConveyorItem }) {
  const { length, width, height } = item;
  const beltThickness = 0.04;
  const legInset = Math.min(0.15, length / 4);
  const legXs = [-length / 2 + legInset, length / 2 - legInset];
  const rollerRadius = beltThickness / 2 + 0.01;
  return (
    <group>
      <mesh position={[0, 0, height - beltThickness / 2]} castShadow receiveShadow>
        <boxGeometry args={[length, width, beltThickness]} />
        <meshStandardMaterial color={COLORS.belt} roughness={0.9} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[0, side * (width / 2 + 0.02), height - 0.03]} castShadow>
          <boxGeometry args={[length, 0.04, 0.1]} />
          <meshStandardMaterial color={COLORS.frame} metalness={0.4} roughness={0.5} />
        </mesh>
      ))}
      {[-1, 1].map((end) => (
        // Cylinders are built along their local y axis, which is already the belt's width here.
        <mesh key={end} position={[(end * length) / 2, 0, height - beltThickness / 2]}>
          <cylinderGeometry args={[rollerRadius, rollerRadius, width, 16]} />
          <meshStandardMaterial color={COLORS.roller} metalness={0.6} roughness={0.3} />
        </mesh>
      ))}
      {legXs.flatMap((x) =>
        [-1, 1].map((side) => (
          <mesh key={`${x}:${side}`} position={[x, side * (width / 2 - 0.03), (height - 0.08) / 2]} castShadow>
            <boxGeometry args={[0.05, 0.05, height - 0.08]} />
            <meshStandardMaterial color={COLORS.steel} metalness={0.4} roughness={0.5} />
          </mesh>
        )),
      )}
    </group>
  );
}
