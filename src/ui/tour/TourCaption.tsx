import { useStore } from 'zustand';
import { tourStore } from '../../scene/tour/tour-state';
import './tour.css';

/** The caption of the camera stop on screen, over the bottom of the scene (nothing when empty). */
export function TourCaption() {
  const caption = useStore(tourStore, (s) => (s.playing ? s.caption : null));
  if (!caption) return null;
  return (
    <div className="tour-caption" role="status" aria-live="polite">
      {caption}
    </div>
  );
}
