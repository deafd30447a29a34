import type { RobotItem } from '../../model';
import { COLORS } from './materials';

/** Stand-in until the robot's description is loaded: its base, so the layout still reads right. */
export function RobotModel(_props: { item: RobotItem }) {
  return (
    <mesh position={[0, 0, 0.1]} rotation={[Math.PI / 2, 0, 0]} castShadow>
      <cylinderGeometry args={[0.15, 0.18, 0.2, 24]} />
      <meshStandardMaterial color={COLORS.robot} />
    </mesh>
  );
}
