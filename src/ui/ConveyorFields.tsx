import { BOX_PART, SOURCE_INTERVAL, type ConveyorItem } from '../model';
import { updateItem } from '../store/commands';
import { setItemOption } from '../store/item-edits';
import { edit } from './edit';
import { NumberField } from './NumberField';
import { PartSpecFields } from './PartSpecFields';
import { MM, MM_PER_S, SECONDS } from './units';
import { itemPointer } from './experiment/field-pointer';

type Source = NonNullable<ConveyorItem['source']>;
type Sensor = NonNullable<ConveyorItem['sensor']>;
type Distribution = NonNullable<Source['distribution']>;

/** Where a newly switched-on sensor goes: 200 mm before the outfeed end (or the middle of a short belt). */
const defaultSensor = (item: ConveyorItem): Sensor => ({ position: item.length > 0.4 ? item.length - 0.2 : item.length / 2, accumulate: true });
const defaultSource = (): Source => ({ part: BOX_PART, interval: SOURCE_INTERVAL, distribution: 'fixed' });

/** A checkbox named `label`; it shows `text` when the legend above already says what it is. */
function Toggle({ label, text = label, checked, title, onChange }: { label: string; text?: string; checked: boolean; title: string; onChange(on: boolean): void }) {
  return (
    <label className="toggle" title={title}>
      <input type="checkbox" aria-label={label} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {text}
    </label>
  );
}

/** The part source's fields: interval, how the intervals vary, and the part it makes. */
function SourceFields({ item, source }: { item: ConveyorItem; source: Source }) {
  const set = (next: Source) => edit(updateItem(item.id, { source: next }));
  const distribution: Distribution = source.distribution ?? ((source.jitter ?? 0) > 0 ? 'uniform' : 'fixed');
  const setDistribution = (d: Distribution) => {
    // A uniform spread needs a jitter > 0 (the schema's rule): start from a quarter of the interval.
    const jitter = d === 'uniform' && !((source.jitter ?? 0) > 0) ? Math.round(source.interval * 25) / 100 : source.jitter;
    set({ ...source, distribution: d, ...(jitter !== undefined ? { jitter } : {}) });
  };
  return (
    <>
      <NumberField label="Interval" value={source.interval} unit={SECONDS} min={0.01} step={0.5} pointer={itemPointer(item.id, 'source', 'interval')} onCommit={(v) => set({ ...source, interval: v })} />
      <label className="field wide" title="fixed: every interval; uniform: interval ± jitter; exponential: random arrivals with the interval as mean">
        <span className="field-label">Spread</span>
        <select aria-label="Interval distribution" value={distribution} onChange={(e) => setDistribution(e.currentTarget.value as Distribution)}>
          <option value="fixed">fixed</option>
          <option value="uniform">uniform ± jitter</option>
          <option value="exponential">exponential (Poisson)</option>
        </select>
      </label>
      {distribution === 'uniform' && (
        <NumberField label="Jitter" value={source.jitter ?? 0} unit={SECONDS} min={0.01} step={0.5} pointer={itemPointer(item.id, 'source', 'jitter')} onCommit={(v) => set({ ...source, jitter: v })} />
      )}
      <PartSpecFields kind={source.part} prefix="Part " pointerOf={(...path) => itemPointer(item.id, 'source', 'part', ...path)} onChange={(part) => set({ ...source, part })} />
    </>
  );
}

/**
 * A conveyor's fields: belt size and speed; the light barrier (position from the infeed end,
 * whether the belt stops while it is occupied); the part source at the infeed end; whether the
 * outfeed end is the cell's exit. Every field is one undo step.
 */
export function ConveyorFields({ item }: { item: ConveyorItem }) {
  const update = (patch: Partial<ConveyorItem>) => edit(updateItem(item.id, patch));
  const option = (key: 'sensor' | 'source' | 'sink', value: unknown) => edit(setItemOption(item.id, key, value));
  const { sensor, source } = item;
  return (
    <>
      <NumberField label="Length" value={item.length} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'length')} onCommit={(v) => update({ length: v })} />
      <NumberField label="Width" value={item.width} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'width')} onCommit={(v) => update({ width: v })} />
      <NumberField label="Belt height" value={item.height} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'height')} onCommit={(v) => update({ height: v })} />
      <NumberField label="Belt speed" value={item.speed} unit={MM_PER_S} step={10} pointer={itemPointer(item.id, 'speed')} onCommit={(v) => update({ speed: v })} />
      <fieldset>
        <legend>Sensor</legend>
        <Toggle label="Sensor" text="on" title="A light barrier across the belt" checked={sensor !== undefined} onChange={(on) => option('sensor', on ? defaultSensor(item) : undefined)} />
        {sensor && (
          <>
            <NumberField label="Position" value={sensor.position} unit={MM} min={0} step={10} pointer={itemPointer(item.id, 'sensor', 'position')} onCommit={(v) => update({ sensor: { ...sensor, position: v } })} />
            <Toggle
              label="Accumulate"
              title="The belt stops while the barrier is occupied and runs again when the part is taken"
              checked={sensor.accumulate === true}
              onChange={(on) => update({ sensor: { position: sensor.position, ...(on ? { accumulate: true } : {}) } })}
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Part source (infeed end)</legend>
        <Toggle label="Part source" text="on" title="Puts new parts on the belt at its infeed end" checked={source !== undefined} onChange={(on) => option('source', on ? defaultSource() : undefined)} />
        {source && <SourceFields item={item} source={source} />}
      </fieldset>
      <Toggle label="Exit (sink)" title="Parts reaching the outfeed end are finished and leave the cell" checked={item.sink === true} onChange={(on) => option('sink', on ? true : undefined)} />
    </>
  );
}
