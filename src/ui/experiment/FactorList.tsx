import { useState } from 'react';
import { useStore } from 'zustand';
import { getPointer, PointerError } from '../../experiments/json-pointer';
import { cellStore } from '../../store/app-store';
import { notify } from '../notices';
import { removeFactor, updateFactor, factorLevels, type FactorDraft } from './draft';
import { varyField } from './experiment-actions';
import { changeDraft, experimentStore } from './experiment-store';
import { unitForPointer } from './field-pointer';

/** A number input that commits on Enter or blur (one change per edit), red while not a number. */
export function NumInput({ label, value, onCommit, integer = false, min, width = 64 }: { label: string; value: number; onCommit(v: number): void; integer?: boolean; min?: number; width?: number }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const parsed = Number(shown.replace(',', '.'));
  const invalid = shown.trim() === '' || !Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)) || (min !== undefined && parsed < min);
  const commit = () => {
    if (!invalid && parsed !== value) onCommit(parsed);
    setText(null);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid}
      className={invalid ? 'invalid' : ''}
      style={{ width }}
      value={shown}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(null);
      }}
    />
  );
}

/** One factor: its label, pointer, levels as a list or a from–to range in the field's display unit. */
function FactorRow({ f, index, lhs }: { f: FactorDraft; index: number; lhs: boolean }) {
  const set = (patch: Partial<Omit<FactorDraft, 'key'>>) => changeDraft((d) => updateFactor(d, f.key, patch));
  const levels = factorLevels(f);
  const unit = f.unit ? ` ${f.unit}` : '';
  return (
    <li className="factor" aria-label={`Factor ${index + 1}: ${f.label}`}>
      <div className="factor-head">
        <input className="factor-label" aria-label={`Factor ${index + 1} name`} defaultValue={f.label} key={f.label} onBlur={(e) => e.currentTarget.value.trim() && set({ label: e.currentTarget.value.trim() })} />
        <button className="link" aria-label={`Remove factor ${f.label}`} title="Remove this factor" onClick={() => changeDraft((d) => removeFactor(d, f.key))}>
          ✕
        </button>
      </div>
      <code className="factor-pointer" title="Where the value is in the cell file (JSON Pointer; items by id)">
        {f.pointer}
      </code>
      {f.fixed ? (
        <p className="hint">{f.fixed.length} levels from the sweep file (not numbers; run as they are)</p>
      ) : (
        <div className="factor-levels">
          <select aria-label={`Factor ${index + 1} as list or range`} value={f.mode} onChange={(e) => set({ mode: e.currentTarget.value as FactorDraft['mode'] })}>
            <option value="list">list</option>
            <option value="range">range</option>
          </select>
          {f.mode === 'list' ? (
            <input
              className={levels ? '' : 'invalid'}
              aria-label={`Factor ${index + 1} levels`}
              defaultValue={f.list}
              key={`${f.key}-${f.list}`}
              title="Levels separated by commas, in the unit shown"
              onBlur={(e) => set({ list: e.currentTarget.value })}
              onKeyDown={(e) => e.key === 'Enter' && set({ list: e.currentTarget.value })}
            />
          ) : (
            <>
              <NumInput label={`Factor ${index + 1} from`} value={f.from} onCommit={(v) => set({ from: v })} />
              <span>to</span>
              <NumInput label={`Factor ${index + 1} to`} value={f.to} onCommit={(v) => set({ to: v })} />
              {!lhs && (
                <>
                  <span>in</span>
                  <NumInput label={`Factor ${index + 1} steps`} value={f.steps} integer min={2} width={36} onCommit={(v) => set({ steps: v })} />
                </>
              )}
            </>
          )}
          <span className="muted">{f.unit}</span>
        </div>
      )}
      {!f.fixed && levels && !lhs && (
        <small className="muted">
          {levels.length} level{levels.length === 1 ? '' : 's'}: {levels.map((l) => String(l)).join(', ')}
          {unit}
        </small>
      )}
    </li>
  );
}

/** Adds a factor by typing its pointer: the keyboard's way in, and for fields the inspector does not show. */
function AddByPath() {
  const [path, setPath] = useState('');
  const add = () => {
    const cell = cellStore.getState().cell;
    try {
      const value = getPointer(cell, path);
      if (typeof value !== 'number') throw new PointerError(`${path} holds ${value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 60)}, not a number (for other values write a sweep file)`);
      const unit = unitForPointer(path);
      varyField({ pointer: path, label: path.split('/').slice(-1)[0] ?? path, value, unit: unit.label });
      setPath('');
    } catch (e) {
      notify('error', 'No number there', [e instanceof Error ? e.message : String(e)]);
    }
  };
  return (
    <div className="add-path">
      <input aria-label="Field to vary (JSON Pointer)" placeholder="/items/infeed/speed" value={path} onChange={(e) => setPath(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
      <button onClick={add} disabled={!path.startsWith('/')}>
        Add factor
      </button>
    </div>
  );
}

/** The factors of the experiment, with a hint on how to add one. */
export function FactorList() {
  const factors = useStore(experimentStore, (s) => s.draft.factors);
  const lhs = useStore(experimentStore, (s) => s.draft.design === 'latin-hypercube');
  return (
    <section className="exp-factors" aria-label="Factors">
      <h4>Factors</h4>
      {factors.length === 0 && (
        <p className="hint">
          Right-click a number in the inspector (or focus it and press the context-menu key or Shift+F10) → <em>Vary this in an experiment</em>; or type the field's path below.
        </p>
      )}
      <ol className="plain">
        {factors.map((f, i) => (
          <FactorRow key={f.key} f={f} index={i} lhs={lhs} />
        ))}
      </ol>
      <AddByPath />
    </section>
  );
}
