import { useStore } from 'zustand';
import { setCameraView } from '../../scene/tour/camera-access';
import { stopTour, toggleTour, tourStore } from '../../scene/tour/tour-state';
import { moveCameraStop, removeCameraStop, updateCameraStop } from '../../store/presentation-commands';
import { useCell } from '../../store/use-cell';
import { MAX_STOP_SECONDS, MIN_STOP_SECONDS, type CameraStop } from '../../model/presentation-schema';
import { tourPeriod } from '../../motion/camera-tour';
import { edit } from '../edit';
import { addCameraStopFromView, cameraStopsPanelStore, toggleCameraStopsPanel } from './camera-stop-actions';
import { togglePresent } from './present-state';
import { action } from '../actions/actions';
import { actionTitle } from '../actions/registry';
import './present.css';

/** One row: number, caption, duration (s), and View / ↑ / ↓ / ✕. */
function StopRow({ stop, index, count, focus }: { stop: CameraStop; index: number; count: number; focus: boolean }) {
  const commit = (value: string) => {
    if (value !== stop.caption) edit(updateCameraStop(index, { caption: value }, 'Edit camera stop caption'));
  };
  return (
    <li>
      <span className="stop-no">{index + 1}</span>
      <input
        key={`c-${stop.caption}`}
        aria-label={`Caption of stop ${index + 1}`}
        placeholder="Caption for this view…"
        defaultValue={stop.caption}
        autoFocus={focus}
        onFocus={() => cameraStopsPanelStore.setState({ focusCaption: null })}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            e.currentTarget.value = stop.caption;
            e.currentTarget.blur();
          }
        }}
      />
      <input
        key={`d-${stop.duration}`}
        type="number"
        aria-label={`Duration of stop ${index + 1} (s)`}
        title="Seconds on this stop: 60 % holding still, then the move to the next stop"
        min={MIN_STOP_SECONDS}
        max={MAX_STOP_SECONDS}
        step={0.5}
        defaultValue={stop.duration}
        onBlur={(e) => {
          const value = Number(e.currentTarget.value);
          if (value !== stop.duration && !edit(updateCameraStop(index, { duration: value }, 'Edit camera stop duration'))) e.currentTarget.value = String(stop.duration);
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <span className="stop-buttons">
        <button
          title="Look from this stop"
          aria-label={`View stop ${index + 1}`}
          onClick={() => {
            stopTour();
            setCameraView(stop);
          }}
        >
          View
        </button>
        <button title="Earlier in the tour" aria-label={`Move stop ${index + 1} up`} disabled={index === 0} onClick={() => edit(moveCameraStop(index, -1))}>
          ↑
        </button>
        <button title="Later in the tour" aria-label={`Move stop ${index + 1} down`} disabled={index === count - 1} onClick={() => edit(moveCameraStop(index, 1))}>
          ↓
        </button>
        <button title="Delete this stop" aria-label={`Delete stop ${index + 1}`} onClick={() => edit(removeCameraStop(index))}>
          ✕
        </button>
      </span>
    </li>
  );
}

/** The camera tour's stops: add the current view, caption, duration, order, delete; play or present. */
export function CameraStopsPanel() {
  const open = useStore(cameraStopsPanelStore, (s) => s.open);
  const focusCaption = useStore(cameraStopsPanelStore, (s) => s.focusCaption);
  const stops = useCell((s) => s.cell.presentation?.stops) ?? [];
  const touring = useStore(tourStore, (s) => s.playing);
  if (!open) return null;
  return (
    <section className="camera-stops" aria-label="Camera stops">
      <h4>
        Camera tour · {stops.length} stop{stops.length === 1 ? '' : 's'}
        {stops.length > 0 && ` · ${tourPeriod(stops).toFixed(1)} s a loop`}
        <button className="link" onClick={toggleCameraStopsPanel} aria-label="Close camera stops">
          ✕
        </button>
      </h4>
      {stops.length === 0 ? (
        <p className="hint">Orbit to a view you want to show, then “Add camera stop”. The embed and Present mode fly through the stops in order, with their captions, and loop.</p>
      ) : (
        <ol>
          {stops.map((stop, i) => (
            <StopRow key={i} stop={stop} index={i} count={stops.length} focus={focusCaption === i} />
          ))}
        </ol>
      )}
      <div className="row">
        <button className="primary" onClick={addCameraStopFromView} title={actionTitle(action('addCameraStop'))}>
          {action('addCameraStop').label}
        </button>
        <button onClick={toggleTour} disabled={stops.length === 0} aria-pressed={touring}>
          {touring ? 'Stop tour' : 'Play tour'}
        </button>
        <button onClick={togglePresent} title={actionTitle(action('present'))}>
          {action('present').label}
        </button>
      </div>
    </section>
  );
}

/** The Presentation buttons over the 3D view: the stops panel and Present. */
export function PresentationButtons() {
  const open = useStore(cameraStopsPanelStore, (s) => s.open);
  const count = useCell((s) => s.cell.presentation?.stops.length ?? 0);
  return (
    <>
      <div className="tool-buttons" role="toolbar" aria-label="Presentation">
        <button className={open ? 'on' : ''} aria-pressed={open} onClick={toggleCameraStopsPanel} title={actionTitle(action('cameraStops'))}>
          {action('cameraStops').label} {count > 0 ? `(${count})` : ''}
        </button>
        <button data-command="present" onClick={togglePresent} title={actionTitle(action('present'))}>
          {action('present').label}
        </button>
      </div>
      <CameraStopsPanel />
    </>
  );
}
