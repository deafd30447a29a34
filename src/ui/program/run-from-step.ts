/**
 * "Run from here": the simulation runs the cell with the robot's program rotated so that step k
 * comes first (a looping program then repeats the same loop; a program that runs once runs its
 * steps from k). The document is not changed. The editor maps the steps the run reports back to
 * its own through the offset kept in the panel state.
 */
import { simStatusStore } from '../../bridge/sim-status';
import type { Cell, Program } from '../../model';
import { programPanelStore } from '../../tools/program-panel-state';
import { runVariant } from '../run-actions';

/** `program` started at step `k`: rotated when it loops, cut when it runs once. */
export function programFromStep(program: Program, k: number): Program {
  if (k <= 0 || k >= program.steps.length) return program;
  const steps = (program.loop ?? true) ? [...program.steps.slice(k), ...program.steps.slice(0, k)] : program.steps.slice(k);
  return { ...program, steps };
}

/** Runs the cell with `robot`'s program started at step `k` (0: a plain fresh run). */
export function runFromStep(robot: string, k: number): Promise<void> {
  const started = runVariant((cell: Cell) => ({ ...cell, programs: cell.programs.map((p) => (p.robot === robot ? programFromStep(p, k) : p)) }));
  // runVariant reset the old run synchronously (which cleared the offsets): record this run's.
  programPanelStore.setState({ runOffsets: { [robot]: k } });
  return started;
}

// A run reset or started from the top bar runs the document as it is: no offsets.
simStatusStore.subscribe((s, prev) => {
  if (s.phase === 'off' && prev.phase !== 'off' && Object.keys(programPanelStore.getState().runOffsets).length > 0) {
    programPanelStore.setState({ runOffsets: {} });
  }
});
