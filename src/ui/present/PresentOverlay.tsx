import { useStore } from 'zustand';
import { toggleTour, tourStore } from '../../scene/tour/tour-state';
import { useCell } from '../../store/use-cell';
import { DEFAULT_EMBED_OPTIONS } from '../embed/embed-options';
import { KpiStrip } from '../embed/KpiStrip';
import { TourCaption } from '../tour/TourCaption';
import { leavePresent, presentStore } from './present-state';
import { recordTour } from './record-tour';
import './present.css';

/** Present mode's layer over the full-screen scene: the caption, and a bar with the KPIs and the way out. */
export function PresentOverlay() {
  const active = useStore(presentStore, (s) => s.active);
  const recording = useStore(presentStore, (s) => s.recording);
  const touring = useStore(tourStore, (s) => s.playing);
  const name = useCell((s) => s.cell.name);
  const stops = useCell((s) => s.cell.presentation?.stops.length ?? 0);
  if (!active) return null;
  return (
    <div className="present-overlay" aria-label="Present mode">
      <TourCaption />
      {stops === 0 && <div className="present-hint">This cell has no camera stops: the view stays where it is. Add stops with “Stops…” over the 3D view.</div>}
      <footer className="present-bar embed-bar">
        <strong className="embed-name">{name}</strong>
        <KpiStrip kpis={DEFAULT_EMBED_OPTIONS.kpis} />
        {recording ? (
          <span className="present-recording" role="progressbar" aria-label="Recording the tour" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(recording.progress * 100)}>
            ● Recording {Math.round(recording.progress * 100)} %
          </span>
        ) : (
          <>
            {stops > 0 && (
              <button onClick={toggleTour} aria-pressed={touring} title="Play or stop the camera tour (dragging the view stops it too)">
                Tour
              </button>
            )}
            {stops > 1 && (
              <button onClick={() => void recordTour()} title="Record one loop of the tour, with its captions, as a WebM video">
                Record tour as WebM
              </button>
            )}
          </>
        )}
        <button onClick={leavePresent} title="Back to the editor (Esc)">
          Exit (Esc)
        </button>
      </footer>
    </div>
  );
}
