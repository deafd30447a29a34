import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { simStatusStore } from '../../bridge/sim-status';
import type { Cell, RobotItem } from '../../model';
import { useResolvedRobot } from '../../scene/robot/resolved-cache';
import { robotKinematics, type RobotKinematics } from '../../scene/robot/robot-kinematics';
import { editCollisionStore } from '../../tools/edit-collision-state';
import { notify } from '../notices';
import { addSteps, duplicateStep, moveStep, programProblems, removeStep, setProgramLoop, setStep } from '../../store/program-commands';
import { useCell } from '../../store/use-cell';
import { displayedStep, programPanelStore, setTargetPickHandler } from '../../tools/program-panel-state';
import { edit } from '../edit';
import { runFromStep } from './run-from-step';
import { NEW_STEP_KINDS, newSteps, stepSummary, type NewStepKind } from './step-defaults';
import type { StepTiming } from '../../sim/program/plan-timing';
import type { EditCollision } from '../../tools/edit-collisions';
import { StepFieldsEditor } from './StepFieldsEditor';
import { teachStep } from './teach-step';
import { useProgramEstimate } from './use-program-estimate';

const STEP_MIME = 'application/x-celltwin-step';

function EstimateCell({ e, hits }: { e: StepTiming | undefined; hits: EditCollision[] | undefined }) {
  if (!e) return <span className="step-time muted">…</span>;
  if (e.problem) return <span className="step-time bad" title={e.problem}>unreachable</span>;
  if (hits && hits.length > 0) {
    return (
      <span className="step-time bad" title={`Where this move ends the robot collides: ${hits.map((h) => `${h.link} × ${h.other}`).join(', ')}`}>
        collides
      </span>
    );
  }
  return (
    <span className="step-time" title={e.mayWait ? 'Plus the time it waits, if it must (a part, a signal, a zone, room)' : 'Timed by the motion layer, as the run times it'}>
      {(e.seconds ?? 0).toFixed(2)} s{e.mayWait ? ' +wait' : ''}
    </span>
  );
}

/** Which step of `robot` the current run is at (page index), or null when not running it. */
function useRunningStep(robot: string, length: number): { index: number; phase: string } | null {
  const phase = useStore(simStatusStore, (s) => s.phase);
  const status = useStore(simStatusStore, (s) => s.programs.find((p) => p.robot === robot));
  const offset = useStore(programPanelStore, (s) => s.runOffsets[robot] ?? 0);
  if (phase === 'off' || !status) return null;
  return { index: displayedStep(status.step, offset, length), phase: status.phase };
}

/** Teaches, and warns when the pose taught is one where the robot collides (a target to fix). */
function teach(item: RobotItem, kin: RobotKinematics, at: number): void {
  if (!edit(teachStep(item, kin, at))) return;
  const hits = editCollisionStore.getState().pairs.filter((p) => p.robot === item.id || p.otherItem === item.id);
  if (hits.length > 0) notify('warning', `${item.name} collides at the taught pose`, hits.map((h) => `${h.link} × ${h.other}`));
}

function TeachButton({ item, at }: { item: RobotItem; at: number }) {
  const resolved = useResolvedRobot(item.source);
  const kin = useMemo(() => (resolved ? robotKinematics(resolved.description, item.source) : null), [resolved, item.source]);
  return (
    <button disabled={!kin} onClick={() => kin && teach(item, kin, at)} title="Save the robot's current tool pose (jog it first) as a new target and add a joint move to it">
      Teach here
    </button>
  );
}

/** The program editor of one robot: its steps, their fields, estimates, and the run controls. */
function RobotProgram({ cell, item }: { cell: Cell; item: RobotItem }) {
  const robot = item.id;
  const programIndex = cell.programs.findIndex((p) => p.robot === robot);
  const program = cell.programs[programIndex];
  const steps = useMemo(() => program?.steps ?? [], [program]);
  const open = useStore(programPanelStore, (s) => s.open);
  const estimate = useProgramEstimate(cell, robot);
  const running = useRunningStep(robot, steps.length);
  const [kind, setKind] = useState<NewStepKind>('moveJ');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const problems = useMemo(() => programProblems(cell).filter((p) => programIndex >= 0 && p.path.startsWith(`programs[${programIndex}]`)), [cell, programIndex]);
  const insertAt = open !== null && open < steps.length ? open + 1 : steps.length;

  // A target clicked in the scene while picking becomes the open step's target.
  useEffect(() => {
    setTargetPickHandler((target) => {
      const { picking } = programPanelStore.getState();
      const step = picking ? steps[picking.index] : undefined;
      if (!picking || !step || picking.robot !== robot) return;
      const { joints: _joints, ...rest } = step as Record<string, unknown>;
      edit(setStep(robot, picking.index, { ...(step.type === 'moveJ' ? rest : step), target } as typeof step));
    });
    return () => setTargetPickHandler(null);
  }, [steps, robot]);

  const add = () => {
    if (edit(addSteps(robot, newSteps(kind, cell, robot), insertAt))) programPanelStore.setState({ open: insertAt });
  };
  return (
    <>
      <div className="program-toolbar">
        <select aria-label="Step type to add" value={kind} onChange={(e) => setKind(e.currentTarget.value as NewStepKind)}>
          {NEW_STEP_KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <button className="primary" onClick={add} title={open !== null ? `Insert after step ${open + 1}` : 'Add at the end'}>
          Add step
        </button>
        <TeachButton item={item} at={insertAt} />
      </div>
      {cell.targets.length === 0 && <p className="hint">No targets yet: jog the robot and press Teach here, or add targets on surfaces (Cell inspector).</p>}
      {steps.length === 0 ? (
        <p className="hint">{item.name} has no program. Add a step to start one; it is saved in the cell file.</p>
      ) : (
        <ol className="steps" aria-label={`Program of ${item.name}`}>
          {steps.map((step, i) => {
            const isRunning = running?.index === i;
            const isOpen = open === i;
            return (
              <li
                key={i}
                className={`step${isOpen ? ' open' : ''}${isRunning ? ` running ${running?.phase ?? ''}` : ''}${dragFrom === i ? ' dragging' : ''}`}
                aria-current={isRunning ? 'step' : undefined}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(STEP_MIME, String(i));
                  e.dataTransfer.effectAllowed = 'move';
                  setDragFrom(i);
                }}
                onDragEnd={() => setDragFrom(null)}
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes(STEP_MIME)) e.preventDefault();
                }}
                onDrop={(e) => {
                  const from = Number(e.dataTransfer.getData(STEP_MIME));
                  if (!e.dataTransfer.types.includes(STEP_MIME)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  setDragFrom(null);
                  if (Number.isInteger(from) && from !== i && edit(moveStep(robot, from, i))) programPanelStore.setState({ open: i });
                }}
              >
                <div className="step-row" onClick={() => programPanelStore.setState({ open: isOpen ? null : i })}>
                  <span className="step-handle" aria-hidden title="Drag to reorder">⋮⋮</span>
                  <span className="step-no">{i + 1}</span>
                  <span className="step-summary">{stepSummary(step, cell)}</span>
                  <EstimateCell e={estimate?.steps[i]} hits={estimate?.endCollisions[i]} />
                </div>
                {isOpen && (
                  <div className="step-body">
                    <StepFieldsEditor cell={cell} robot={robot} programIndex={programIndex} index={i} step={step} />
                    <div className="step-actions">
                      <button onClick={() => void runFromStep(robot, i)} title="Simulate the cell with this robot's program starting at this step">▶ From here</button>
                      <button disabled={i === 0} onClick={() => edit(moveStep(robot, i, i - 1)) && programPanelStore.setState({ open: i - 1 })} aria-label="Move step up">↑</button>
                      <button disabled={i === steps.length - 1} onClick={() => edit(moveStep(robot, i, i + 1)) && programPanelStore.setState({ open: i + 1 })} aria-label="Move step down">↓</button>
                      <button onClick={() => edit(duplicateStep(robot, i)) && programPanelStore.setState({ open: i + 1 })}>Duplicate</button>
                      <button className="danger" onClick={() => edit(removeStep(robot, i)) && programPanelStore.setState({ open: null })}>Delete</button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {program && (
        <div className="program-footer">
          <label className="toggle" title="Repeat the steps from the first after the last (as a production loop does)">
            <input type="checkbox" checked={program.loop ?? true} onChange={(e) => edit(setProgramLoop(robot, e.currentTarget.checked))} />
            Loop
          </label>
          <span className="program-total" aria-label="Estimated loop time">
            {estimate ? `${program.loop ?? true ? 'Loop' : 'Total'} ≈ ${estimate.cycle.toFixed(2)} s` : 'Estimating…'}
            {estimate && estimate.steps.some((s) => s.mayWait) && <small> + waits</small>}
          </span>
          <button onClick={() => void runFromStep(robot, 0)} title="Simulate the cell from the start">▶ Run</button>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="step-problems" role="alert">
          {problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The Program tab: a robot picker and that robot's program editor. */
export function ProgramPanel() {
  const cell = useCell((s) => s.cell);
  const chosen = useStore(programPanelStore, (s) => s.robot);
  const robots = cell.items.filter((i): i is RobotItem => i.type === 'robot');
  const item = robots.find((r) => r.id === chosen) ?? robots[0];
  if (!item) return <p className="hint">Add a robot to the cell (Library) to program it.</p>;
  return (
    <section className="program-editor" aria-label="Program editor">
      <label className="field wide">
        <span className="field-label">Robot</span>
        <select aria-label="Robot to program" value={item.id} onChange={(e) => programPanelStore.setState({ robot: e.currentTarget.value, open: null, picking: null })}>
          {robots.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.id})
            </option>
          ))}
        </select>
      </label>
      <RobotProgram cell={cell} item={item} />
    </section>
  );
}
