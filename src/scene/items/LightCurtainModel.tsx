import { curtainGeometry, CURTAIN_POST, type LightCurtainItem } from '../../model';
import { COLORS } from './materials';

/** Spacing of the beam lines drawn across the field (m): a hint of the beams, not their real resolution. */
const BEAM_LINE_PITCH = 0.1;

/**
 * A safety light curtain along +x: a yellow emitter post and receiver post, and between them the
 * protective field as a thin translucent red plane with a line for every 100 mm of height. The
 * pose is the middle of the opening on the floor.
 */
export function LightCurtainModel({ item }: { item: LightCurtainItem }) {
  const g = curtainGeometry(item);
  const fieldHeight = g.fieldTop - g.fieldBottom;
  const fieldMid = (g.fieldBottom + g.fieldTop) / 2;
  const lines = Math.min(60, Math.floor(fieldHeight / BEAM_LINE_PITCH) + 1);
  return (
    <group>
      {g.postX.map((x) => (
        <group key={x}>
          <mesh position={[x, 0, g.postHeight / 2]} castShadow>
            <boxGeometry args={[CURTAIN_POST, CURTAIN_POST, g.postHeight]} />
            <meshStandardMaterial color={COLORS.safety} roughness={0.5} />
          </mesh>
          {/* The optics window on the inner face, over the protective field. */}
          <mesh position={[x - Math.sign(x) * (CURTAIN_POST / 2 + 0.001), 0, fieldMid]}>
            <boxGeometry args={[0.002, CURTAIN_POST * 0.6, fieldHeight]} />
            <meshStandardMaterial color={COLORS.belt} roughness={0.3} />
          </mesh>
        </group>
      ))}
      <mesh position={[0, 0, fieldMid]}>
        <boxGeometry args={[item.width, 0.004, fieldHeight]} />
        <meshBasicMaterial color={COLORS.beam} transparent opacity={0.18} depthWrite={false} />
      </mesh>
      {Array.from({ length: lines }, (_, i) => (
        <mesh key={i} position={[0, 0, g.fieldBottom + (lines > 1 ? (i * fieldHeight) / (lines - 1) : fieldHeight / 2)]}>
          <boxGeometry args={[item.width, 0.003, 0.003]} />
          <meshBasicMaterial color={COLORS.beam} transparent opacity={0.6} depthWrite={false} />
        </mesh>
      ))}
    </group>
  );
}
