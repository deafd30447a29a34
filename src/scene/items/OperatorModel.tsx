import type { OperatorItem } from '../../model';
import { COLORS } from './materials';

/** A standing worker (1.75 m), facing +x, so operator stations are visible in the layout. */
export function OperatorModel(_props: { item: OperatorItem }) {
  return (
    <group>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[0, side * 0.1, 0.45]} castShadow>
          <boxGeometry args={[0.14, 0.13, 0.9]} />
          <meshStandardMaterial color={COLORS.mesh} roughness={0.8} />
        </mesh>
      ))}
      <mesh position={[0, 0, 1.2]} castShadow>
        <boxGeometry args={[0.24, 0.42, 0.6]} />
        <meshStandardMaterial color={COLORS.workwear} roughness={0.8} />
      </mesh>
      <mesh position={[0, 0, 1.63]} castShadow>
        <sphereGeometry args={[0.11, 16, 12]} />
        <meshStandardMaterial color={COLORS.skin} roughness={0.7} />
      </mesh>
      <mesh position={[0, 0, 1.7]} rotation={[Math.PI / 2, 0, 0]} castShadow>
        <sphereGeometry args={[0.12, 16, 8, 0, Math.PI * 2, 0, Math.PI / 2]} />
        <meshStandardMaterial color={COLORS.helmet} roughness={0.5} />
      </mesh>
    </group>
  );
}
