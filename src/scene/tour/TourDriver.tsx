import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { tour } from '../../motion/camera-tour';
import { cellStore } from '../../store/app-store';
import { applyCameraView, registerCanvasState } from './camera-access';
import { stopTour, tourStore } from './tour-state';

interface EventTargetLike {
  addEventListener(type: string, f: () => void): void;
  removeEventListener(type: string, f: () => void): void;
}

/**
 * Plays the camera tour (motion/camera-tour.ts) while `tourStore.playing`: each frame puts the
 * camera on the tour's pose for the time since the tour started and asks for the next frame (the
 * canvas renders on demand). A drag of the view by the visitor stops the tour. Also registers the
 * canvas for camera-access.ts.
 */
export function TourDriver() {
  const get = useThree((s) => s.get);
  const controls = useThree((s) => s.controls) as unknown as EventTargetLike | null;
  const invalidate = useThree((s) => s.invalidate);
  const playing = useStore(tourStore, (s) => s.playing);
  useEffect(() => {
    registerCanvasState(get);
    return () => registerCanvasState(null);
  }, [get]);
  useEffect(() => {
    if (!controls || !playing) return;
    // 'start' fires on the user's drag or wheel only, not on the tour's own update().
    controls.addEventListener('start', stopTour);
    return () => controls.removeEventListener('start', stopTour);
  }, [controls, playing]);
  useEffect(() => {
    if (playing) invalidate();
  }, [playing, invalidate]);
  useFrame((state) => {
    const { playing: on, startedAt, caption } = tourStore.getState();
    if (!on) return;
    const stops = cellStore.getState().cell.presentation?.stops ?? [];
    const pose = tour(stops, (performance.now() - startedAt) / 1000);
    if (pose === null) return;
    applyCameraView(state, pose);
    if (pose.caption !== caption) tourStore.setState({ caption: pose.caption });
    state.invalidate();
  });
  return null;
}
