import { useStore } from 'zustand';
import { useCell } from '../store/use-cell';
import { programPanelStore, targetClicked } from '../tools/program-panel-state';
import { targetLabelStore, visibleLabels } from './target-labels';

/**
 * The targets' names over the 3D view (a DOM overlay beside the canvas): decluttered so labels
 * never cover each other (target-labels.ts). While the program editor picks a target, every
 * label shows and takes clicks.
 */
export function TargetLabels() {
  const labels = useStore(targetLabelStore, (s) => s.labels);
  const hovered = useStore(targetLabelStore, (s) => s.hovered);
  const selection = useCell((s) => s.selection);
  const picking = useStore(programPanelStore, (s) => s.picking !== null);
  const first = new Set(selection);
  if (hovered) first.add(hovered);
  const shown = picking ? new Set(labels.filter((l) => l.onScreen).map((l) => l.id)) : visibleLabels(labels, first);
  return (
    <div className="target-labels" aria-hidden={picking ? undefined : true}>
      {labels
        .filter((l) => shown.has(l.id))
        .map((l) => (
            <span
              key={l.id}
              data-target={l.id}
              style={{ transform: `translate(${l.x}px, ${l.y - 14}px) translate(-50%, -100%)` }}
              onClick={() => targetClicked(l.id)}
              className={`target-label${l.bad ? ' bad' : ''}${selection.includes(l.id) ? ' selected' : ''}${picking ? ' pickable' : ''}`}
              title={l.title}
            >
              {l.name}
            </span>
          ))}
    </div>
  );
}
