import { useStore } from 'zustand';
import { measure, toMm } from '../tools/measure';
import { measureStore, setMeasuring } from '../tools/measure-state';

/** "−700" with a real minus sign, as drawings print it. */
const signed = (mm: number) => (mm < 0 ? `−${-mm}` : `${mm}`);

/**
 * The measure tool's readout over the 3D view: what to click next, then the distance and its
 * components in mm (cell axes: X, Y on the floor, Z up).
 */
export function MeasureReadout() {
  const { active, a, b } = useStore(measureStore);
  if (!active) return null;
  const m = a && b ? measure(a, b) : null;
  return (
    <div className="tool-readout" role="status" aria-label="Measurement">
      <div className="tool-readout-head">
        <strong>Measure</strong>
        <button className="link" onClick={() => setMeasuring(false)} title="Leave the measure tool (Esc)">
          Done
        </button>
      </div>
      {m === null ? (
        <p>{a === null ? 'Click a point on an item or on the floor.' : 'Click the second point.'}</p>
      ) : (
        <>
          <p className="measure-distance">
            <span>Distance</span> <output aria-label="Distance">{toMm(m.distance)} mm</output>
          </p>
          <table className="measure-deltas">
            <tbody>
              <tr>
                <th className="axis-x">Δx</th>
                <td>{signed(toMm(m.dx))} mm</td>
                <th className="axis-y">Δy</th>
                <td>{signed(toMm(m.dy))} mm</td>
                <th className="axis-z">Δz</th>
                <td>{signed(toMm(m.dz))} mm</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">On the floor {toMm(m.horizontal)} mm. Click again to start a new measurement.</p>
        </>
      )}
      <p className="muted small">Snaps to corners near the click; Shift: exact point. Esc leaves.</p>
    </div>
  );
}
