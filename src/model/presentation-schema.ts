/**
 * The optional `presentation` section of a cell file: a camera tour for the embed and for
 * Present mode. Each stop is a camera position and the point it looks at, in the world frame
 * (Z up, metres, like everything else in the file), how long the tour spends on it and a caption.
 *
 * `duration` is the stop's whole share of the tour: the camera holds on the stop for the first
 * part of it and travels to the next stop in the rest (src/motion/camera-tour.ts says how much).
 */
import { z } from 'zod';
import { isVec3, type Vec3 } from './geometry';
import { MAX_COORDINATE } from './input-limits';

/** Stops in one tour: a tour is a handful of views, not an animation track. */
export const MAX_CAMERA_STOPS = 100;
/** Shortest stop (s): less is a flicker, not a view. */
export const MIN_STOP_SECONDS = 0.5;
/** Longest stop (s): an hour on one view is a still image. */
export const MAX_STOP_SECONDS = 3600;
/** Characters in a caption: one or two lines over the scene. */
export const MAX_CAPTION_CHARS = 300;

const point = z.custom<Vec3>((v) => isVec3(v) && v.every((x) => Math.abs(x) <= MAX_COORDINATE), {
  error: (iss) => (isVec3(iss.input) ? `expected 3 numbers, each within ±${MAX_COORDINATE} m` : 'expected 3 numbers (x, y, z in metres)'),
});

/** One view of the tour. */
export const cameraStopSchema = z
  .strictObject(
    {
      /** Where the camera is, world frame (Z up), metres. */
      position: point,
      /** The point the camera looks at, world frame, metres. */
      target: point,
      /** Seconds the tour gives this stop: hold on it, then travel to the next. */
      duration: z
        .number({ error: 'expected a number of seconds' })
        .finite({ error: 'expected a number of seconds' })
        .min(MIN_STOP_SECONDS, { error: `expected at least ${MIN_STOP_SECONDS} s` })
        .max(MAX_STOP_SECONDS, { error: `expected at most ${MAX_STOP_SECONDS} s` }),
      /** Text shown over the scene while the stop is on screen (may be empty). */
      caption: z.string({ error: 'expected a string' }).max(MAX_CAPTION_CHARS, { error: `expected at most ${MAX_CAPTION_CHARS} characters` }),
    },
    { error: 'expected a camera stop {position, target, duration, caption}' },
  )
  .superRefine((stop, ctx) => {
    // A camera on its own target has no viewing direction.
    const [px, py, pz] = stop.position;
    const [tx, ty, tz] = stop.target;
    if (Math.hypot(px - tx, py - ty, pz - tz) < 1e-3) ctx.addIssue({ code: 'custom', path: ['target'], message: 'expected a point at least 1 mm away from the camera position' });
  });

/** The presentation section: the tour's stops, played in order and looped. */
export const presentationSchema = z.strictObject(
  {
    stops: z.array(cameraStopSchema).max(MAX_CAMERA_STOPS, { error: `expected at most ${MAX_CAMERA_STOPS} camera stops` }),
  },
  { error: 'expected {stops: [...]}' },
);

/** One camera stop of the tour. */
export type CameraStop = z.infer<typeof cameraStopSchema>;
/** The presentation section of a cell file. */
export type Presentation = z.infer<typeof presentationSchema>;
