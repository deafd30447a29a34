import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import type { PartItem } from '../../model';
import { COLORS } from './materials';

/**
 * A loose part at its real size: a box, or a cylinder standing on its axis (z, as in the
 * simulation). The pose is the part's centre. While a run shows the part as a simulated body
 * (scene/sim/SimLayer.tsx), this drawing of its start pose steps aside.
 */
export function PartModel({ item }: { item: PartItem }) {
  const simulated = useStore(simStatusStore, (s) => s.phase !== 'off' && s.bodies.some((b) => b.kind === 'part' && b.name === item.id));
  if (simulated) return null;
  const shape = item.shape;
  return shape.type === 'box' ? (
    <mesh castShadow receiveShadow>
      <boxGeometry args={shape.size} />
      <meshStandardMaterial color={COLORS.part} roughness={0.5} />
    </mesh>
  ) : (
    // three builds cylinders along y; a part's axis is its z.
    <mesh rotation={[Math.PI / 2, 0, 0]} castShadow receiveShadow>
      <cylinderGeometry args={[shape.radius, shape.radius, shape.length, 32]} />
      <meshStandardMaterial color={COLORS.part} roughness={0.5} />
    </mesh>
  );
}
