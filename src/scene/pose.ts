import { Euler } from 'three';
import type { Pose } from '../model';

/**
 * URDF's fixed-axis roll/pitch/yaw (R = Rz·Ry·Rx) is three.js's intrinsic Euler order 'ZYX',
 * which composes its matrix as Rz·Ry·Rx too.
 */
export function poseEuler(pose: Pose): Euler {
  return new Euler(pose.rpy[0], pose.rpy[1], pose.rpy[2], 'ZYX');
}
