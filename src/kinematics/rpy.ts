import type { Vec3 } from '../model';
import type { Mat4 } from './mat4';

/**
 * Roll, pitch, yaw (rad) of a rotation, in URDF's convention R = Rz(yaw)·Ry(pitch)·Rx(roll).
 * At pitch ±90° roll and yaw are not unique; roll is then reported as 0 and yaw takes the angle.
 */
export function mat4Rpy(m: Mat4): Vec3 {
  // Column-major: element (row r, column c) is m[c * 4 + r].
  const r00 = m[0] ?? 1;
  const r10 = m[1] ?? 0;
  const r20 = m[2] ?? 0;
  const r21 = m[6] ?? 0;
  const r22 = m[10] ?? 1;
  const pitch = Math.asin(Math.max(-1, Math.min(1, -r20)));
  if (Math.abs(r20) > 1 - 1e-12) {
    const r01 = m[4] ?? 0;
    const r11 = m[5] ?? 1;
    return [0, pitch, Math.atan2(-r01, r11)];
  }
  return [Math.atan2(r21, r22), pitch, Math.atan2(r10, r00)];
}
