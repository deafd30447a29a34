/**
 * The payload model: how a robot's accelerations fall with the load it carries (tool + part).
 *
 * Vendors rate their joint speeds at full payload and publish load diagrams rather than
 * acceleration tables, and the controllers (ABB QuickMove, KUKA's load data, FANUC's payload
 * schedules) lower the accelerations as the load rises. CellTwin has no dynamics model, so it
 * states a simple one instead and applies it the same way everywhere (simulation, `celltwin
 * plan`, the fit, calibration):
 *
 *   factor(m) = max(FLOOR, 1 − SLOPE · m / m_rated)
 *
 * with m the carried mass (kg: the gripper's mass, plus the part's while it is held) and m_rated
 * the robot's rated payload. With SLOPE = 0.5 an arm at its rated payload accelerates at half the
 * rate it has bare; FLOOR = 0.4 keeps an overloaded arm moving (at 1.2 × rated). Joint speeds do
 * not change (they are rated at full payload). [assumption] — the same shape vendors' load
 * diagrams suggest, not fitted to any one of them; docs/FIDELITY.md lists it as a known limit.
 */

/** Share of the bare acceleration lost at the rated payload. */
export const PAYLOAD_SLOPE = 0.5;
/** Lowest acceleration factor, however heavy the load. */
export const PAYLOAD_FLOOR = 0.4;

/**
 * The factor the accelerations (and jerks) are multiplied by when carrying `load` kg on an arm
 * rated for `rated` kg. 1 for no load; no effect when the rated payload is unknown (null).
 */
export function payloadFactor(load: number, rated: number | null): number {
  if (!(load > 0) || rated === null || !(rated > 0)) return 1;
  return Math.max(PAYLOAD_FLOOR, 1 - (PAYLOAD_SLOPE * load) / rated);
}
