import { robotReach } from '../tools/layout-checks';
import { useCell } from '../store/use-cell';
import { useLayoutReport } from './use-layout-report';

/**
 * The horizontal reach of each selected robot as a disc on the floor, red when it overlaps
 * another robot's reach (the two can meet and need an interlock or a different layout).
 */
export function ReachRings() {
  const items = useCell((s) => s.cell.items);
  const selection = useCell((s) => s.selection);
  const { reachOverlaps } = useLayoutReport();
  const conflicted = new Set(reachOverlaps.flatMap((o) => [o.a, o.b]));
  return (
    <>
      {items.map((item) => {
        if (item.type !== 'robot') return null;
        const reach = robotReach(item);
        const shown = selection.includes(item.id) || conflicted.has(item.id);
        if (reach === null || !shown) return null;
        const colour = conflicted.has(item.id) ? '#d9534f' : '#1e6fd9';
        return (
          <group key={item.id} position={[item.pose.xyz[0], item.pose.xyz[1], 0.004]} name={`reach:${item.id}`}>
            {/* Circle geometries lie in their local XY plane, which is the cell floor here. */}
            <mesh>
              <circleGeometry args={[reach, 96]} />
              <meshBasicMaterial color={colour} transparent opacity={0.08} depthWrite={false} />
            </mesh>
            <mesh>
              <ringGeometry args={[reach - 0.01, reach, 96]} />
              <meshBasicMaterial color={colour} transparent opacity={0.7} depthWrite={false} />
            </mesh>
          </group>
        );
      })}
    </>
  );
}
