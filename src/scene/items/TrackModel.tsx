import { CARRIAGE_THICKNESS, carriageLength, clampToMount, type TrackItem } from '../../model';
import { useCell } from '../../store/use-cell';
import { COLORS } from './materials';

/** Height of the two rails on the bed (m). */
const RAIL_HEIGHT = 0.05;

/**
 * A linear track (a robot's 7th axis) along its x axis: a rail bed on the floor, two rails, end
 * stops in safety yellow, and the carriage plate with its top at `height`, where the robot on the
 * track stands (`mount.position` of that robot; the middle when none stands on it).
 */
export function TrackModel({ item }: { item: TrackItem }) {
  const { length, width, height } = item;
  const position = useCell((s) => {
    const robot = s.cell.items.find((i) => i.type === 'robot' && i.mount?.item === item.id);
    return robot?.type === 'robot' ? (robot.mount?.position ?? 0) : 0;
  });
  const rail = Math.min(RAIL_HEIGHT, height / 4);
  const railTop = Math.max(rail, height - CARRIAGE_THICKNESS);
  const bed = Math.max(0.005, railTop - rail);
  const carriage = carriageLength(item);
  const railY = width * 0.32;
  const stop = Math.min(0.08, length / 20);
  return (
    <group>
      <mesh position={[0, 0, bed / 2]} castShadow receiveShadow>
        <boxGeometry args={[length, width * 0.85, bed]} />
        <meshStandardMaterial color={COLORS.frame} metalness={0.4} roughness={0.5} />
      </mesh>
      {/* The cable duct between the rails. */}
      <mesh position={[0, 0, bed + 0.005]} receiveShadow>
        <boxGeometry args={[length - 2 * stop, railY, 0.01]} />
        <meshStandardMaterial color={COLORS.belt} roughness={0.9} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[0, side * railY, bed + rail / 2]} castShadow>
          <boxGeometry args={[length, 0.045, rail]} />
          <meshStandardMaterial color={COLORS.roller} metalness={0.7} roughness={0.25} />
        </mesh>
      ))}
      {[-1, 1].map((end) => (
        <mesh key={end} position={[end * (length / 2 - stop / 2), 0, bed + rail / 2]} castShadow>
          <boxGeometry args={[stop, width * 0.85, rail]} />
          <meshStandardMaterial color={COLORS.safety} roughness={0.6} />
        </mesh>
      ))}
      <mesh position={[clampToMount(item, position), 0, railTop + CARRIAGE_THICKNESS / 2]} castShadow receiveShadow>
        <boxGeometry args={[carriage, width, CARRIAGE_THICKNESS]} />
        <meshStandardMaterial color={COLORS.machineAccent} metalness={0.3} roughness={0.45} />
      </mesh>
    </group>
  );
}
