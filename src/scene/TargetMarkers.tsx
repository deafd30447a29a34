import { Matrix4, Quaternion, Vector3 } from 'three';
import { useCell } from '../store/use-cell';
import { targetInCell } from '../tools/targets';
import { useTargetReach } from './use-target-reach';
import { useStore } from 'zustand';
import { programPanelStore, targetClicked } from '../tools/program-panel-state';
import { TargetLabelLayout, type LabelSource } from './TargetLabelLayout';
import { targetLabelStore } from './target-labels';

/**
 * Taught targets as small frames with their names; red when no robot of the cell can reach
 * them within its joint limits (or their item is gone). The names are drawn by the DOM overlay
 * SceneLabels.tsx, laid out with the other labels; hovering a marker brings its name forward.
 */
export function TargetMarkers() {
  const cell = useCell((s) => s.cell);
  const reach = useTargetReach();
  // While the program editor picks a target, markers and labels take clicks.
  const picking = useStore(programPanelStore, (s) => s.picking !== null);
  // The labels are a DOM overlay (SceneLabels.tsx); the canvas tells it where the targets are.
  const sources: LabelSource[] = [];
  for (const target of cell.targets) {
    const m = targetInCell(cell, target);
    if (!m) continue;
    const r = reach.find((x) => x.target === target.id);
    const bad = r !== undefined && r.reachedBy.length === 0;
    const title = bad ? 'No robot in the cell reaches this target' : `Reached by ${r?.reachedBy.join(', ') ?? '…'}`;
    sources.push({ id: target.id, name: target.name, position: [m[12] ?? 0, m[13] ?? 0, m[14] ?? 0], bad, title });
  }
  return (
    <>
      {cell.targets.map((target) => {
        const m = targetInCell(cell, target);
        if (!m) return null;
        const r = reach.find((x) => x.target === target.id);
        const bad = r !== undefined && r.reachedBy.length === 0;
        const position = new Vector3();
        const quaternion = new Quaternion();
        new Matrix4().fromArray(m).decompose(position, quaternion, new Vector3());
        return (
          <group key={target.id} position={position} quaternion={quaternion} name={`target:${target.id}`}>
            <axesHelper args={[0.08]} />
            <mesh onPointerOver={() => targetLabelStore.setState({ hovered: target.id })} onPointerOut={() => targetLabelStore.setState({ hovered: null })}>
              <sphereGeometry args={[0.012, 12, 8]} />
              <meshBasicMaterial color={bad ? '#d9534f' : '#2e7d32'} />
            </mesh>
            {picking && (
              <mesh onClick={(e) => targetClicked(target.id) && e.stopPropagation()}>
                <sphereGeometry args={[0.04, 12, 8]} />
                <meshBasicMaterial color="#1e6fd9" transparent opacity={0.25} depthWrite={false} />
              </mesh>
            )}
          </group>
        );
      })}
      <TargetLabelLayout sources={sources} />
    </>
  );
}
