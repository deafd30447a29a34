import type { FenceItem } from '../../model';
import { COLORS } from './materials';

/** A safety fence segment along +x: yellow posts and a see-through mesh panel between them. */
export function FenceModel({ item }: { item: FenceItem }) {
  const { length, height } = item;
  const post = 0.05;
  return (
    <group>
      {[-1, 1].map((end) => (
        <mesh key={end} position={[(end * (length - post)) / 2, 0, height / 2]} castShadow>
          <boxGeometry args={[post, post, height]} />
          <meshStandardMaterial color={COLORS.safety} roughness={0.5} />
        </mesh>
      ))}
      <mesh position={[0, 0, height / 2 + 0.05]}>
        <boxGeometry args={[length - 2 * post, 0.01, height - 0.2]} />
        <meshStandardMaterial color={COLORS.mesh} transparent opacity={0.35} roughness={0.8} />
      </mesh>
      <mesh position={[0, 0, height / 2 + 0.05]}>
        <boxGeometry args={[length - 2 * post, 0.012, height - 0.2, 1, 1, 1]} />
        <meshBasicMaterial color={COLORS.mesh} wireframe />
      </mesh>
    </group>
  );
}
