import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Cell, ProgramStep } from '../../model';
import { setStep, programProblems, type ProgramProblem } from '../../store/program-commands';
import { programPanelStore } from '../../tools/program-panel-state';
import { edit } from '../edit';
import { roundForDisplay } from '../units';
import { knownSignals, sensorConveyors } from './step-defaults';
import { stepFields, withField, type StepField } from './step-fields';

interface Props {
  cell: Cell;
  robot: string;
  programIndex: number;
  index: number;
  step: ProgramStep;
}

/** The problems a candidate step would cause at this step (as the file would locate them). */
function problemsIf(cell: Cell, programIndex: number, index: number, step: ProgramStep): ProgramProblem[] {
  const programs = cell.programs.map((p, i) => (i === programIndex ? { ...p, steps: p.steps.map((s, j) => (j === index ? step : s)) } : p));
  const at = `programs[${programIndex}].steps[${index}]`;
  return programProblems({ ...cell, programs }).filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
}

function Problems({ problems }: { problems: ProgramProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="step-problems" role="alert">
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`}>
          <code>{p.path}</code>: {p.message}
        </li>
      ))}
    </ul>
  );
}

/** One field: a draft while typing, checked live; committed (one undo step) on Enter, blur or change. */
function FieldInput({ field, props }: { field: StepField; props: Props }) {
  const { cell, robot, programIndex, index, step } = props;
  const raw = (step as Record<string, unknown>)[field.key];
  const shown = field.kind === 'number' ? (typeof raw === 'number' ? String(roundForDisplay(field.unit.fromSI(raw), 2)) : '') : typeof raw === 'string' ? raw : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const picking = useStore(programPanelStore, (s) => s.picking);

  const candidate = (t: string): ProgramStep | null => {
    if (field.kind === 'number') {
      if (t.trim() === '') return withField(step, field.key, undefined);
      const v = Number(t.replace(',', '.'));
      return withField(step, field.key, Number.isFinite(v) ? field.unit.toSI(v) : Number.NaN);
    }
    // A moveJ goes to a target or to joint values: choosing a target drops the joint values.
    if (field.kind === 'target' && step.type === 'moveJ' && t !== '') return withField(withField(step, 'joints', undefined), 'target', t);
    if (field.kind === 'text' || field.kind === 'target' || field.kind === 'choice') return withField(step, field.key, t === '' && field.optional ? undefined : t);
    return null;
  };
  const draft = candidate(text);
  const problems = draft && text !== shown ? problemsIf(cell, programIndex, index, draft) : [];
  const commit = (next: ProgramStep | null) => {
    if (next && JSON.stringify(next) !== JSON.stringify(step) && problemsIf(cell, programIndex, index, next).length === 0) edit(setStep(robot, index, next));
  };
  const id = `step-${index}-${field.key}`;
  const label = (
    <label htmlFor={id} className="field-label" title={field.hint}>
      {field.label}
    </label>
  );

  if (field.kind === 'bool') {
    const value = typeof raw === 'boolean' ? raw : field.fallback;
    return (
      <div className="step-field">
        {label}
        <input id={id} type="checkbox" checked={value} onChange={(e) => commit(withField(step, field.key, e.currentTarget.checked === field.fallback ? undefined : e.currentTarget.checked))} />
      </div>
    );
  }
  if (field.kind === 'target' || field.kind === 'choice') {
    const options = field.kind === 'target' ? cell.targets.map((t) => [t.id, t.name] as const) : (field.choices === 'conveyors' ? sensorConveyors(cell) : field.choices).map((c) => [c, c] as const);
    const isPicking = picking?.robot === robot && picking.index === index;
    return (
      <div className="step-field">
        {label}
        <select id={id} value={text} onChange={(e) => { setText(e.currentTarget.value); commit(candidate(e.currentTarget.value)); }}>
          {(field.optional || text === '') && <option value="">{field.optional ? '(default)' : '(choose)'}</option>}
          {text !== '' && !options.some(([v]) => v === text) && <option value={text}>{text} (missing)</option>}
          {options.map(([v, name]) => (
            <option key={v} value={v}>
              {name === v ? v : `${name} (${v})`}
            </option>
          ))}
        </select>
        {field.kind === 'target' && (
          <button
            type="button"
            className={`icon-button${isPicking ? ' primary' : ''}`}
            title="Pick the target by clicking it in the 3D view"
            aria-label={`Pick target of step ${index + 1} in the scene`}
            onClick={() => programPanelStore.setState({ picking: isPicking ? null : { robot, index } })}
          >
            {isPicking ? 'Click…' : 'In 3D'}
          </button>
        )}
        <Problems problems={problems} />
      </div>
    );
  }
  const listId = field.kind === 'text' && field.suggest ? `${id}-list` : undefined;
  const suggestions = field.kind === 'text' && field.suggest === 'signal' ? knownSignals(cell) : field.kind === 'text' && field.suggest === 'zone' ? [...new Set(cell.programs.flatMap((p) => p.steps.flatMap((s) => (s.type === 'zoneRequest' || s.type === 'zoneRelease' ? [s.zone] : []))))] : [];
  return (
    <div className="step-field">
      {label}
      <input
        id={id}
        type="text"
        inputMode={field.kind === 'number' ? 'decimal' : 'text'}
        placeholder={field.kind === 'number' && field.optional ? 'default' : ''}
        aria-invalid={problems.length > 0}
        className={problems.length > 0 ? 'invalid' : ''}
        list={listId}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
          if (e.key === 'Escape') setText(shown);
        }}
      />
      {field.kind === 'number' && <span className="field-unit">{field.unit.label}</span>}
      {listId && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <Problems problems={problems} />
    </div>
  );
}

/** The fields of one step (everything its schema allows), validated live. */
export function StepFieldsEditor(props: Props) {
  const fields = stepFields(props.step.type);
  if (fields.length === 0) return <p className="hint">This step has no settings.</p>;
  return (
    <div className="step-fields">
      {fields.map((f) => (
        <FieldInput key={`${props.step.type}:${f.key}`} field={f} props={props} />
      ))}
    </div>
  );
}
