import type { PartKind } from '../model';
import { DEFAULT_PART_FRICTION } from '../sim/parts';
import { NumberField } from './NumberField';
import { COUNT, KG, MM } from './units';

type Shape = PartKind['shape'];

/** The same part as the other shape, about the same size: a box around the cylinder, or the cylinder in the box. */
function switchShape(shape: Shape, to: Shape['type']): Shape {
  if (shape.type === to) return shape;
  if (shape.type === 'cylinder') return { type: 'box', size: [2 * shape.radius, 2 * shape.radius, shape.length] };
  return { type: 'cylinder', radius: Math.min(shape.size[0], shape.size[1]) / 2, length: shape.size[2] };
}

/**
 * What a part is made of: shape (box with length, width, height; or cylinder with diameter and
 * length along its axis, standing up), mass and friction coefficient. Each committed field calls
 * `onChange` once with the whole new kind, so each is one undo step. With `pointerOf` (where the
 * kind lives in the cell) the numbers offer "Vary this in an experiment".
 */
export function PartSpecFields({ kind, onChange, prefix = '', pointerOf }: { kind: PartKind; onChange(next: PartKind): void; prefix?: string; pointerOf?: (...path: Array<string | number>) => string }) {
  const shape = kind.shape;
  const set = (patch: Partial<PartKind>) => onChange({ ...kind, ...patch });
  const setShape = (next: Shape) => set({ shape: next });
  // "Mass" alone, or "Part mass" beside the conveyor's own length and width.
  const name = (label: string) => (prefix ? `${prefix}${label.toLowerCase()}` : label);
  return (
    <>
      <label className="field wide">
        <span className="field-label">Shape</span>
        <select aria-label={name('Shape')} value={shape.type} onChange={(e) => setShape(switchShape(shape, e.currentTarget.value as Shape['type']))}>
          <option value="box">Box</option>
          <option value="cylinder">Cylinder</option>
        </select>
      </label>
      {shape.type === 'box' ? (
        (['Length', 'Width', 'Height'] as const).map((label, axis) => (
          <NumberField
            key={label}
            label={name(label)}
            value={shape.size[axis] ?? 0}
            unit={MM}
            min={1}
            step={10}
            pointer={pointerOf?.('shape', 'size', axis)}
            onCommit={(v) => setShape({ type: 'box', size: shape.size.map((s, i) => (i === axis ? v : s)) as [number, number, number] })}
          />
        ))
      ) : (
        <>
          {/* No "vary this" on the diameter: the file holds the radius, and a factor's levels are the field's own numbers. */}
          <NumberField label={name('Diameter')} value={2 * shape.radius} unit={MM} min={1} step={10} onCommit={(v) => setShape({ ...shape, radius: v / 2 })} />
          <NumberField label={name('Length')} value={shape.length} unit={MM} min={1} step={10} pointer={pointerOf?.('shape', 'length')} onCommit={(v) => setShape({ ...shape, length: v })} />
        </>
      )}
      <NumberField label={name('Mass')} value={kind.mass} unit={KG} min={0.001} step={0.1} pointer={pointerOf?.('mass')} onCommit={(v) => set({ mass: v })} />
      <NumberField
        label={name('Friction')}
        value={kind.friction ?? DEFAULT_PART_FRICTION}
        unit={COUNT}
        min={0}
        step={0.05}
        pointer={pointerOf?.('friction')}
        onCommit={(v) => set({ friction: v })}
      />
    </>
  );
}
