import type { PalletItem } from '../../model';
import { COLORS } from './materials';

/**
 * A wooden pallet in the EUR layout: top deck boards over three stringers of blocks, so it reads
 * as a pallet from any angle.
 */
export function PalletModel({ item }: { item: PalletItem }) {
  const [sx, sy, sz] = item.size;
  const board = sz * 0.15;
  const blockHeight = sz - 2 * board;
  const boards = 5;
  const boardWidth = sx / (boards * 1.6);
  return (
    <group>
      {Array.from({ length: boards }, (_, i) => (
        <mesh key={`top${i}`} position={[-sx / 2 + boardWidth / 2 + (i * (sx - boardWidth)) / (boards - 1), 0, sz - board / 2]} castShadow receiveShadow>
          <boxGeometry args={[boardWidth, sy, board]} />
          <meshStandardMaterial color={COLORS.wood} roughness={0.9} />
        </mesh>
      ))}
      {[-1, 0, 1].map((iy) => (
        <group key={`row${iy}`} position={[0, (iy * (sy - 0.1)) / 2, 0]}>
          <mesh position={[0, 0, board / 2]} castShadow>
            <boxGeometry args={[sx, 0.1, board]} />
            <meshStandardMaterial color={COLORS.woodDark} roughness={0.9} />
          </mesh>
          {[-1, 0, 1].map((ix) => (
            <mesh key={ix} position={[(ix * (sx - 0.145)) / 2, 0, board + blockHeight / 2]} castShadow>
              <boxGeometry args={[0.145, 0.1, blockHeight]} />
              <meshStandardMaterial color={COLORS.woodDark} roughness={0.9} />
            </mesh>
          ))}
        </group>
      ))}
    </group>
  );
}
