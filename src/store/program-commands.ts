/**
 * Edit commands for robot programs (the program editor): add, change, duplicate, delete and
 * reorder steps, and the loop flag. A robot has at most one program; the first step added to a
 * robot without one creates it. Every command checks the cell it would produce with the same
 * schema and cross-reference checks a file is read with, and refuses (EditError) with the
 * located messages a file would get (`programs[0].steps[2].target: no target "P9"`), so the
 * store never holds a program the simulation or the next open would reject.
 */
import { formatPath, programStepSchema, type Cell, type Program, type ProgramStep } from '../model';
import { cellReferenceProblems } from '../model/cell-checks';
import { EditError, type EditCommand } from './cell-store';

/** One problem of a program edit, located as in a file. */
export interface ProgramProblem {
  path: string;
  message: string;
}

/** The index of `robot`'s program in `cell.programs`, or −1. */
export function programIndexOf(cell: Cell, robot: string): number {
  return cell.programs.findIndex((p) => p.robot === robot);
}

/** A fresh program id for `robot`: `<robot>-program`, numbered when taken. */
export function newProgramId(cell: Cell, robot: string): string {
  const taken = new Set(cell.programs.map((p) => p.id));
  let id = `${robot}-program`;
  for (let n = 2; taken.has(id); n++) id = `${robot}-program-${n}`;
  return id;
}

/**
 * What is wrong with `cell` after a program edit: the steps' shapes (each step against its
 * schema) and every unresolved reference. Empty when the cell is fine. Paths as in the file.
 */
export function programProblems(cell: Cell): ProgramProblem[] {
  const out: ProgramProblem[] = [];
  cell.programs.forEach((program, p) => {
    program.steps.forEach((step, j) => {
      const parsed = programStepSchema.safeParse(step);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
        out.push({ path: formatPath(['programs', p, 'steps', j, ...issue.path]), message });
      }
    });
  });
  for (const r of cellReferenceProblems(cell)) out.push({ path: formatPath(r.path), message: r.message });
  return out;
}

/** `path: message` lines of a problem list. */
export const formatProgramProblems = (problems: readonly ProgramProblem[]): string =>
  problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');

/** Replaces `robot`'s program by `f(program)`; creates an empty looping program first when it has none. */
function withProgram(cell: Cell, robot: string, f: (program: Program) => Program): Cell {
  const item = cell.items.find((i) => i.id === robot);
  if (item?.type !== 'robot') throw new EditError(`no robot item "${robot}"`);
  const index = programIndexOf(cell, robot);
  const programs =
    index < 0
      ? [...cell.programs, f({ id: newProgramId(cell, robot), robot, steps: [], loop: true })]
      : cell.programs.map((p, i) => (i === index ? f(p) : p));
  const next = { ...cell, programs };
  const problems = programProblems(next);
  if (problems.length > 0) throw new EditError(formatProgramProblems(problems));
  return next;
}

const stepAt = (program: Program, index: number): ProgramStep => {
  const step = program.steps[index];
  if (step === undefined) throw new EditError(`${program.id} has no step ${index + 1} (it has ${program.steps.length})`);
  return step;
};

/** Inserts `steps` (usually one) into `robot`'s program at `index` (default: at the end). */
export function addSteps(robot: string, steps: readonly ProgramStep[], index?: number): EditCommand {
  const copies = steps.map((s) => structuredClone(s));
  return {
    label: copies.length === 1 ? `Add ${copies[0]!.type} step` : `Add ${copies.length} steps`,
    apply: (cell) =>
      withProgram(cell, robot, (p) => {
        const at = Math.max(0, Math.min(p.steps.length, index ?? p.steps.length));
        return { ...p, steps: [...p.steps.slice(0, at), ...copies, ...p.steps.slice(at)] };
      }),
  };
}

/** Replaces step `index` of `robot`'s program by `step` (a whole step: set or drop fields). */
export function setStep(robot: string, index: number, step: ProgramStep): EditCommand {
  const copy = structuredClone(step);
  return {
    label: `Edit step ${index + 1} (${copy.type})`,
    apply: (cell) =>
      withProgram(cell, robot, (p) => {
        stepAt(p, index);
        return { ...p, steps: p.steps.map((s, i) => (i === index ? copy : s)) };
      }),
  };
}

/** Copies step `index` right after itself. */
export function duplicateStep(robot: string, index: number): EditCommand {
  return {
    label: `Duplicate step ${index + 1}`,
    apply: (cell) =>
      withProgram(cell, robot, (p) => {
        const step = structuredClone(stepAt(p, index));
        return { ...p, steps: [...p.steps.slice(0, index + 1), step, ...p.steps.slice(index + 1)] };
      }),
  };
}

/** Deletes step `index`. */
export function removeStep(robot: string, index: number): EditCommand {
  return {
    label: `Delete step ${index + 1}`,
    apply: (cell) =>
      withProgram(cell, robot, (p) => {
        stepAt(p, index);
        return { ...p, steps: p.steps.filter((_, i) => i !== index) };
      }),
  };
}

/** Moves step `from` so that it ends up at index `to` (drag to reorder). */
export function moveStep(robot: string, from: number, to: number): EditCommand {
  return {
    label: `Move step ${from + 1} to ${to + 1}`,
    apply: (cell) =>
      withProgram(cell, robot, (p) => {
        const step = stepAt(p, from);
        const rest = p.steps.filter((_, i) => i !== from);
        const at = Math.max(0, Math.min(rest.length, to));
        if (at === from) return p;
        return { ...p, steps: [...rest.slice(0, at), step, ...rest.slice(at)] };
      }),
  };
}

/** Runs the program once (false) or in a loop (true). */
export function setProgramLoop(robot: string, loop: boolean): EditCommand {
  return { label: loop ? 'Loop the program' : 'Run the program once', apply: (cell) => withProgram(cell, robot, (p) => ({ ...p, loop })) };
}

/** Removes `robot`'s program. */
export function removeProgram(robot: string): EditCommand {
  return {
    label: `Delete ${robot}'s program`,
    apply(cell) {
      const next = { ...cell, programs: cell.programs.filter((p) => p.robot !== robot) };
      const problems = programProblems(next); // another program may wait for a signal this one set
      if (problems.length > 0) throw new EditError(formatProgramProblems(problems));
      return next;
    },
  };
}
