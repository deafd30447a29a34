import { startFenceRun } from './fence-run-actions';

const LABEL = 'Fence run (draw)';
const HINT = 'click corners on the floor · panels ≤ 2000 mm';

/**
 * The library entry that draws a fence along a polyline instead of placing one panel: it starts
 * the drawing mode (see FenceRunPanel for the keys).
 */
export function FenceRunLibraryEntry({ matches }: { matches: (text: string) => boolean }) {
  if (!matches(`${LABEL} safety fence polyline ${HINT}`)) return null;
  return (
    <li>
      <button className="library-item" onClick={startFenceRun} title="Draw a fence run: click its corners on the floor, double-click or Enter to finish">
        <svg width={28} height={28} viewBox="0 0 28 28" fill="none" stroke="currentColor" strokeWidth={1.6} aria-hidden>
          <polyline points="3,23 12,23 12,10 25,6" strokeLinejoin="round" />
          {[
            [3, 23],
            [12, 23],
            [12, 10],
            [25, 6],
          ].map(([x, y]) => (
            <circle key={`${x},${y}`} cx={x} cy={y} r={1.8} fill="currentColor" />
          ))}
        </svg>
        <span>
          <strong>{LABEL}</strong>
          <small>{HINT}</small>
        </span>
      </button>
    </li>
  );
}
