import { Line } from '@react-three/drei';

/** The floor area the planner has (cell.floor), drawn as a dashed rectangle centred on the origin. */
export function FloorOutline({ width, depth }: { width: number; depth: number }) {
  const w = width / 2;
  const d = depth / 2;
  return (
    <Line
      points={[
        [-w, -d, 0.002],
        [w, -d, 0.002],
        [w, d, 0.002],
        [-w, d, 0.002],
        [-w, -d, 0.002],
      ]}
      color="#4a7fb0"
      lineWidth={1.5}
      dashed
      dashSize={0.2}
      gapSize={0.1}
    />
  );
}
