import type { MachineItem } from '../../model';
import { COLORS } from './materials';

/** A machine tool enclosure: body, a window in the door on the -y face, and a control panel. */
export function MachineModel({ item }: { item: MachineItem }) {
  const [sx, sy, sz] = item.size;
  return (
    <group>
      <mesh position={[0, 0, sz / 2]} castShadow receiveShadow>
        <boxGeometry args={[sx, sy, sz]} />
        <meshStandardMaterial color={COLORS.machineBody} roughness={0.5} />
      </mesh>
      <mesh position={[0, 0, sz - 0.08]}>
        <boxGeometry args={[sx + 0.01, sy + 0.01, 0.12]} />
        <meshStandardMaterial color={COLORS.machineAccent} roughness={0.5} />
      </mesh>
      <mesh position={[-sx * 0.1, -sy / 2 - 0.005, sz * 0.55]}>
        <boxGeometry args={[sx * 0.5, 0.01, sz * 0.35]} />
        <meshStandardMaterial color={COLORS.glass} roughness={0.1} metalness={0.2} transparent opacity={0.8} />
      </mesh>
      <mesh position={[sx * 0.38, -sy / 2 - 0.04, sz * 0.55]} castShadow>
        <boxGeometry args={[sx * 0.16, 0.08, sz * 0.3]} />
        <meshStandardMaterial color={COLORS.mesh} roughness={0.4} />
      </mesh>
    </group>
  );
}
