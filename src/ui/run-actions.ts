/**
 * Run, pause, step and reset, as the top bar and the Space key do them. The simulation runs on
 * a copy of the document: editing the cell while it runs resets the run (the numbers would
 * otherwise describe a cell that no longer exists).
 */
import { simClient } from '../bridge/sim-client';
import { clockText } from './analysis-estimate';
import { simStatusStore } from '../bridge/sim-status';
import type { SimSpeed } from '../bridge/sim-protocol';
import type { Cell } from '../model';
import { cellRobotDescriptions } from '../scene/robot/resolved-cache';
import { cellStore } from '../store/app-store';
import { notify } from './notices';
import { cancelReplications } from './replications/replication-actions';
import { formatDuration } from './units';

export { toolSource } from '../scene/robot/resolved-cache';

/** Simulated seconds the Step button advances. */
export const STEP_SECONDS = 0.1;

async function loadCurrentCell(transform: (cell: Cell) => Cell = (c) => c): Promise<void> {
  const cell = transform(cellStore.getState().cell);
  const { robots, tools } = await cellRobotDescriptions(cell);
  await simClient.load(cell, { robots, tools });
  watchForEdits();
}

let unwatch: (() => void) | null = null;
function watchForEdits(): void {
  unwatch?.();
  const revision = cellStore.getState().revision;
  const stopEdits = cellStore.subscribe((s) => {
    if (s.revision === revision || simStatusStore.getState().phase === 'off') return;
    resetRun();
    notify('info', 'Simulation reset: the cell was edited', ['Press Run to simulate the edited cell.']);
  });
  const stopFaults = simStatusStore.subscribe((s, prev) => {
    for (const f of s.faults.slice(prev.faults.length)) {
      const name = cellStore.getState().cell.items.find((i) => i.id === f.robot)?.name ?? f.robot;
      notify('error', `${name}'s program stopped at ${f.time.toFixed(2)} s`, [`${f.step}: ${f.message}`, 'The robot stands idle until the run is reset.']);
    }
  });
  // A stalled robot (no loop for 3 mean cycles) or a deadlock: told once per robot and run.
  const stalled = new Set<string>();
  const stopStalls = simStatusStore.subscribe((s) => {
    for (const st of s.kpis?.stalls ?? []) {
      if (stalled.has(st.robot)) continue;
      stalled.add(st.robot);
      const name = cellStore.getState().cell.items.find((i) => i.id === st.robot)?.name ?? st.robot;
      const what = st.kind === 'deadlock' ? 'is deadlocked' : 'has stalled';
      const details = [`Waiting (${st.state}) since ${st.since.toFixed(2)} s${st.step === null ? '' : ` at ${st.step}`}.`];
      if (st.waitsFor !== null) details.push(`It waits for ${st.waitsFor}.`);
      details.push('Its stuck time counts as waiting in the KPIs.');
      notify('warning', `${name} ${what}`, details);
    }
  });
  unwatch = () => {
    stopEdits();
    stopFaults();
    stopStalls();
  };
}

async function ensureLoaded(): Promise<boolean> {
  if (simStatusStore.getState().phase !== 'off') return true;
  try {
    await loadCurrentCell();
    return true;
  } catch (e) {
    simClient.stop();
    notify('error', 'The simulation could not start', [e instanceof Error ? e.message : String(e)]);
    return false;
  }
}

/**
 * Starts a fresh run of a variant of the document (`transform`: e.g. a program started at a
 * later step); the document itself is untouched. Resets the current run first, synchronously.
 */
export async function runVariant(transform: (cell: Cell) => Cell): Promise<void> {
  resetRun();
  try {
    await loadCurrentCell(transform);
  } catch (e) {
    simClient.stop();
    notify('error', 'The simulation could not start', [e instanceof Error ? e.message : String(e)]);
    return;
  }
  simClient.play();
}

/** Run, or pause when running. */
export async function toggleRun(): Promise<void> {
  const phase = simStatusStore.getState().phase;
  if (phase === 'running') {
    simClient.pause();
    return;
  }
  if (await ensureLoaded()) simClient.play();
}

/** Advances the simulation by {@link STEP_SECONDS} (pausing it first). */
export async function stepRun(): Promise<void> {
  if (!(await ensureLoaded())) return;
  simClient.pause();
  const dt = cellStore.getState().cell.simulation.dt;
  simClient.step(Math.max(1, Math.round(STEP_SECONDS / dt)));
}

/**
 * Simulates `seconds` more of production as fast as the worker can (an hour or a shift in
 * seconds to minutes), then pauses and reports the KPIs. Pause, Space or Escape cancel it.
 */
export async function analyseRun(seconds: number): Promise<void> {
  if (!(await ensureLoaded())) return;
  const from = simStatusStore.getState().time;
  simClient.runUntil(from + seconds);
  const wallStart = performance.now();
  let started = false;
  const stop = simStatusStore.subscribe((s) => {
    if (s.analysis !== null) started = true;
    if (!started || s.analysis !== null) return;
    stop();
    const k = s.kpis;
    if (s.phase === 'off' || !k) return;
    const finished = s.time >= from + seconds - 1e-6;
    const wall = (performance.now() - wallStart) / 1000;
    const headline = finished ? `Analysed ${formatDuration(seconds)} of production in ${wall.toFixed(1)} s` : `Analysis stopped at t = ${clockText(s.time)}`;
    const uph = k.throughputUph === null ? 'no parts finished' : `${k.throughputUph.toFixed(0)} UPH`;
    const cycle = k.cellCycleTime === null ? 'cycle time: not measured yet' : `cell cycle ${k.cellCycleTime.toFixed(2)} s`;
    notify('info', headline, [`${uph}, ${cycle}, ${k.partsFinished} parts finished; the dashboard has the details.`]);
  });
}

/** Cancels an analysis run in progress (live, or replications on the pool); true when there was one. */
export function cancelAnalysis(): boolean {
  if (cancelReplications()) return true;
  if (simStatusStore.getState().analysis === null) return false;
  simClient.pause();
  return true;
}

/** Stops the run; the scene shows the document again. */
export function resetRun(): void {
  unwatch?.();
  unwatch = null;
  simClient.stop();
}

export function setRunSpeed(speed: SimSpeed): void {
  simClient.setSpeed(speed);
}
