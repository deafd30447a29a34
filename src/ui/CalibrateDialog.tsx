/**
 * "Calibrate from measured times" in a robot's inspector: the page's `celltwin calibrate`. Paste
 * or load a CSV of measured step times (`step,seconds`) or loop times (`cycle,seconds`), see the
 * fit — each row's simulated time and error before and after, the speed and acceleration scales —
 * and apply it as the robot's motion override in one undo step (or remove a calibration). The fit
 * and the timing are the CLI's own (motion/calibration.ts over sim/program/plan-timing.ts).
 */
import { useEffect, useState } from 'react';
import type { Cell, RobotItem } from '../model';
import type { RobotDescription } from '../model/robot-description';
import { calibrate, MeasuredCsvError, parseMeasuredCsv, type CalibrationResult, type TimingFunction } from '../motion/calibration';
import { cellRobotMotionSource } from '../motion/motion-data';
import { resolvedRobot } from '../scene/robot/resolved-cache';
import { programTiming } from '../sim/program/plan-timing';
import type { EditCommand } from '../store/cell-store';
import { useCell } from '../store/use-cell';
import { edit } from './edit';
import { toolSource } from './run-actions';

type Motion = NonNullable<RobotItem['motion']>;

/** Sets (or, with null, removes) a robot's motion override: one undo step. */
export function setRobotMotion(robot: string, motion: Motion | null): EditCommand {
  return {
    label: motion ? `Calibrate ${robot}` : `Remove the calibration of ${robot}`,
    apply: (cell: Cell): Cell => ({
      ...cell,
      items: cell.items.map((i) => {
        if (i.id !== robot || i.type !== 'robot') return i;
        const { motion: _old, ...rest } = i;
        return motion ? { ...rest, motion } : rest;
      }),
    }),
  };
}

const pct = (e: number): string => `${e >= 0 ? '+' : ''}${(e * 100).toFixed(1)} %`;

/** The arm's and the tool's descriptions, once loaded. */
function useDescriptions(item: RobotItem): { arm: RobotDescription; tool: RobotDescription | null } | null {
  const [d, setD] = useState<{ arm: RobotDescription; tool: RobotDescription | null } | null>(null);
  const { source } = item;
  const toolId = item.tool?.id;
  useEffect(() => {
    let live = true;
    setD(null);
    const tool = toolId ? resolvedRobot(toolSource(toolId)).then((r) => r.description, () => null) : Promise.resolve(null);
    Promise.all([resolvedRobot(source), tool]).then(
      ([arm, t]) => live && setD({ arm: arm.description, tool: t }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, toolId]);
  return d;
}

/** The calibration section of a robot's inspector. */
export function CalibrateDialog({ item }: { item: RobotItem }) {
  const cell = useCell((s) => s.cell);
  const descriptions = useDescriptions(item);
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [fit, setFit] = useState<CalibrationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const program = cell.programs.find((p) => p.robot === item.id);
  const source = cellRobotMotionSource(cell, item.id);

  const fitNow = () => {
    if (!program || !descriptions) return;
    try {
      const rows = parseMeasuredCsv(csv, program.steps.length);
      const timing: TimingFunction = (scales) => {
        const t = programTiming(cell, item.id, descriptions, scales);
        if (!t) throw new Error('the robot has no program');
        const steps = new Array<number | null>(program.steps.length).fill(null);
        for (const s of t.steps) steps[s.index] = s.seconds;
        return { steps, cycle: t.cycle };
      };
      setFit(calibrate(rows, timing, item.motion ?? undefined));
    } catch (e) {
      setProblem(e instanceof MeasuredCsvError ? `line ${e.line}: ${e.message}` : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // A fit re-plans the program a few dozen times (up to a few seconds): paint "Fitting…" first.
  const runFit = () => {
    setFit(null);
    setProblem(null);
    setBusy(true);
    setTimeout(fitNow, 0);
  };

  const apply = (f: CalibrationResult) => {
    const kind = f.rows.some((r) => r.step === null) ? 'cycle' : 'step';
    const motion: Motion = {
      speedScale: Number(f.after.speedScale.toFixed(6)),
      accelerationScale: Number(f.after.accelerationScale.toFixed(6)),
      calibratedFrom: `the page: ${f.rows.length} ${kind} rows, rms error ${(f.rmsBefore * 100).toFixed(2)} % → ${(f.rmsAfter * 100).toFixed(2)} %`,
    };
    if (edit(setRobotMotion(item.id, motion))) setFit(null);
  };

  return (
    <fieldset className="calibrate">
      <legend>Motion data</legend>
      <p className="hint">
        {source === 'vendor-fitted' && 'Vendor-fitted: accelerations fitted to the published standard cycle.'}
        {source === 'assumed' && 'Assumed: no published cycle; documented default accelerations.'}
        {source === 'calibrated' && item.motion &&
          `Calibrated: speed × ${item.motion.speedScale.toFixed(3)}, acceleration × ${item.motion.accelerationScale.toFixed(3)}.`}
      </p>
      {!open ? (
        <button onClick={() => setOpen(true)} disabled={!program} title={program ? 'Fit speed and acceleration to times measured on the real robot' : 'Program the robot first'}>
          Calibrate from measured times
        </button>
      ) : (
        <div className="calibrate-body">
          <label className="calibrate-csv">
            <span>Measured times — CSV with a header step,seconds (step = index in the program, from 0) or cycle,seconds</span>
            <textarea aria-label="Measured times CSV" rows={5} value={csv} placeholder={'step,seconds\n0,0.84\n2,0.36'} onChange={(e) => setCsv(e.currentTarget.value)} />
          </label>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label="Load a CSV file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
          <div className="button-row">
            <button onClick={runFit} disabled={!descriptions || csv.trim() === '' || busy}>
              {!descriptions ? 'Reading the robot…' : busy ? 'Fitting…' : 'Fit'}
            </button>
            <button onClick={() => (setOpen(false), setFit(null), setProblem(null))}>Close</button>
          </div>
          {problem && <p className="error" role="alert">{problem}</p>}
          {fit && (
            <>
              <table className="calibrate-rows">
                <thead>
                  <tr>
                    <th>row</th>
                    <th>measured</th>
                    <th>error, before → after</th>
                  </tr>
                </thead>
                <tbody>
                  {fit.rows.map((r, k) => (
                    <tr key={k}>
                      <td>{r.step === null ? `cycle ${r.label}` : `step ${r.label}`}</td>
                      <td>{r.seconds.toFixed(3)} s</td>
                      <td>
                        {pct(r.errorBefore)} → {pct(r.errorAfter)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="readout">
                Speed × <strong>{fit.after.speedScale.toFixed(3)}</strong>
                {fit.fitted.speed ? '' : ' (kept)'}, acceleration × <strong>{fit.after.accelerationScale.toFixed(3)}</strong>; rms error {(fit.rmsBefore * 100).toFixed(1)} % → {(fit.rmsAfter * 100).toFixed(1)} %
              </p>
              <button onClick={() => apply(fit)}>Apply to {item.name || item.id}</button>
            </>
          )}
        </div>
      )}
      {item.motion && (
        <button className="link-button" onClick={() => edit(setRobotMotion(item.id, null))} title="Back to the library's motion data">
          Remove calibration
        </button>
      )}
    </fieldset>
  );
}
