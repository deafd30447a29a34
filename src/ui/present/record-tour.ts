/**
 * "Record tour as WebM": one loop of the camera tour, recorded with MediaRecorder from a 2D
 * canvas that copies the 3D view each frame and draws the caption on it (a WebM for slides
 * carries its captions), then downloaded as `<cell name>-tour.webm`.
 */
import { tourPeriod } from '../../motion/camera-tour';
import { sceneCanvas } from '../../scene/tour/camera-access';
import { startTour, tourStore } from '../../scene/tour/tour-state';
import { cellStore } from '../../store/app-store';
import { cellFileName } from '../../store/cell-file';
import { notify } from '../notices';
import { enterPresent, presentStore } from './present-state';

/** Frames per second of the recording. */
const FPS = 30;

/** The WebM type this browser records, or null when it cannot (no MediaRecorder, or no WebM). */
export function webmMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function') return null;
  return ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

/** `Palletizing cell` → `palletizing-cell-tour.webm`. */
export function tourFileName(cellName: string): string {
  return `${cellFileName({ name: cellName }).replace(/\.cell\.json$/, '')}-tour.webm`;
}

/** Draws the caption as the page shows it: a dark rounded box, centred near the bottom. */
function drawCaption(g: CanvasRenderingContext2D, text: string, width: number, height: number): void {
  const size = Math.max(14, Math.round(height / 30));
  g.font = `500 ${size}px system-ui, sans-serif`;
  const w = Math.min(g.measureText(text).width, width * 0.9);
  const pad = size * 0.6;
  const x = (width - w) / 2;
  const y = height - size * 2.6;
  g.fillStyle = 'rgba(20, 28, 38, 0.78)';
  g.beginPath();
  g.roundRect(x - pad, y - pad, w + 2 * pad, size + 2 * pad, 6);
  g.fill();
  g.fillStyle = '#fff';
  g.textBaseline = 'top';
  g.fillText(text, x, y, w);
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Records one loop of the tour in Present mode and downloads it; says why when it cannot. */
export async function recordTour(): Promise<void> {
  const cell = cellStore.getState().cell;
  const stops = cell.presentation?.stops ?? [];
  if (presentStore.getState().recording) return;
  if (stops.length < 2) {
    notify('info', 'Add at least two camera stops to record a tour', ['Use "Add camera stop" (Stops… over the 3D view) at each view you want in the video.']);
    return;
  }
  const mimeType = webmMimeType();
  if (mimeType === null) {
    notify('error', 'This browser cannot record WebM video', [
      typeof MediaRecorder === 'undefined' ? 'It has no MediaRecorder.' : 'Its MediaRecorder does not write WebM.',
      'Record the tour in Chrome, Edge or Firefox; Present mode still plays it here.',
    ]);
    return;
  }
  enterPresent();
  // Let Present mode's layout reach the canvas (r3f resizes it on the next frames) before sizing the video.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const source = sceneCanvas();
  if (!source) {
    notify('error', 'The 3D view is not ready to record yet', ['Wait until the cell is drawn, then try again.']);
    return;
  }
  const frame = document.createElement('canvas');
  frame.width = source.width - (source.width % 2); // encoders want even sizes
  frame.height = source.height - (source.height % 2);
  const g = frame.getContext('2d');
  if (!g || typeof frame.captureStream !== 'function') {
    notify('error', 'This browser cannot record the 3D view', ['Its canvas has no captureStream().']);
    return;
  }
  const seconds = tourPeriod(stops);
  const recorder = new MediaRecorder(frame.captureStream(FPS), { mimeType, videoBitsPerSecond: 6_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  let failure: string | null = null;
  recorder.onerror = (e) => {
    failure = (e as Event & { error?: DOMException }).error?.message ?? 'the recorder stopped with an error';
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  presentStore.setState({ recording: { progress: 0 } });
  startTour(); // from the first stop
  const start = performance.now();
  let raf = 0;
  const paint = () => {
    g.drawImage(source, 0, 0, frame.width, frame.height);
    const caption = tourStore.getState().caption;
    if (caption) drawCaption(g, caption, frame.width, frame.height);
    const progress = Math.min(1, (performance.now() - start) / 1000 / seconds);
    if (Math.abs(progress - (presentStore.getState().recording?.progress ?? 0)) > 0.02) presentStore.setState({ recording: { progress } });
    if (progress >= 1 || !presentStore.getState().active) {
      recorder.stop();
      return;
    }
    raf = requestAnimationFrame(paint);
  };
  recorder.start(1000); // a chunk a second: a long tour is not held in one buffer
  raf = requestAnimationFrame(paint);
  await stopped;
  cancelAnimationFrame(raf);
  const finished = presentStore.getState().active;
  presentStore.setState({ recording: null });
  if (!finished) {
    notify('info', 'Recording cancelled', ['Present mode was left before the tour\'s loop ended.']);
    return;
  }
  const bytes = chunks.reduce((n, c) => n + c.size, 0);
  if (failure !== null || bytes === 0) {
    notify('error', 'The tour could not be recorded', [failure ?? 'The recorder delivered no video data (the browser\'s encoder may be busy or missing); try again, or in another browser.']);
    return;
  }
  const name = tourFileName(cell.name);
  download(new Blob(chunks, { type: 'video/webm' }), name);
  notify('info', `Saved ${name}`, [`One loop of the tour: ${seconds.toFixed(1)} s, ${stops.length} stops, ${frame.width} × ${frame.height} px.`]);
}
