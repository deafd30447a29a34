import { TransformControls } from '@react-three/drei';
import { createPortal, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Euler, Matrix4, type Group } from 'three';
import { useStore } from 'zustand';
import type { CellItem, RobotItem } from '../model';
import { cellStore } from '../store/app-store';
import { updateItem } from '../store/commands';
import { gizmoStore } from '../tools/gizmo-state';
import { posableJoints } from '../kinematics/start-pose';
import { robotKinematics } from './robot/robot-kinematics';
import { useResolvedRobot } from './robot/resolved-cache';
import { ikStatusStore } from './ik-status';

const itemMatrix = (item: CellItem) =>
  new Matrix4().makeRotationFromEuler(new Euler(item.pose.rpy[0], item.pose.rpy[1], item.pose.rpy[2], 'ZYX')).setPosition(...item.pose.xyz);

/**
 * The tool frame of the selected robot as a handle: drag or turn it and the arm follows by IK,
 * live, staying on its current branch (the solver starts from the current joints and prefers the
 * nearest solution). Out of reach, the handle turns red and the arm keeps its last good pose.
 * Lives inside the Z-up root, so the handle's matrix is in cell coordinates.
 */
export function IkHandle({ item }: { item: RobotItem }) {
  const resolved = useResolvedRobot(item.source);
  const scene = useThree((s) => s.scene);
  const kin = useMemo(() => (resolved ? robotKinematics(resolved.description, item.source) : null), [resolved, item.source]);
  const handle = useRef<Group>(null);
  const dragging = useRef(false);
  const [reachable, setReachable] = useState(true);
  const mode = useStore(gizmoStore, (s) => s.mode);
  const q = useMemo(() => (kin ? posableJoints(kin.fk.inputJoints, item.joints) : []), [kin, item.joints]);

  // Put the handle on the flange whenever the arm or the robot moves (not mid-drag: the drag owns it).
  useEffect(() => {
    if (!kin || !handle.current || dragging.current) return;
    kin.fk.compute(q);
    const flange = new Matrix4().fromArray(kin.fk.relativePose(kin.base, kin.flange));
    const world = itemMatrix(item).multiply(flange);
    world.decompose(handle.current.position, handle.current.quaternion, handle.current.scale);
    setReachable(true);
  }, [kin, q, item.pose]);

  const root = scene.getObjectByName('cell-root-z-up');
  if (!kin || !root) return null;

  const solve = () => {
    const h = handle.current;
    if (!h) return;
    h.updateMatrix();
    const target = itemMatrix(item).invert().multiply(h.matrix);
    const result = kin.ik.solve(new Float64Array(target.elements), q, { restarts: 0, maxIterations: 60 });
    const ok = result.converged || (result.positionError < 1e-4 && result.orientationError < 1e-3);
    setReachable(ok);
    kin.ik.jacobian.compute(ok ? result.q : q);
    ikStatusStore.setState({ reachable: ok, manipulability: kin.ik.jacobian.manipulability() / kin.typicalManipulability, positionError: result.positionError });
    if (ok) cellStore.getState().updateGesture(updateItem(item.id, { joints: result.q } as Partial<CellItem>));
  };

  return (
    <>
      {/* The handle lives in the Z-up root (cell coordinates); the controls stay at scene level. */}
      {createPortal(
        <group ref={handle} name={`ik-handle:${item.id}`}>
          <axesHelper args={[0.15]} />
          <mesh>
            <sphereGeometry args={[0.018, 16, 12]} />
            <meshBasicMaterial color={reachable ? '#1e6fd9' : '#d9534f'} depthTest={false} transparent />
          </mesh>
        </group>,
        root,
      )}
      <TransformControls
        object={handle as React.RefObject<Group>}
        mode={mode}
        size={0.7}
        space="local"
        onMouseDown={() => {
          dragging.current = true;
          cellStore.getState().beginGesture(`Move ${item.name} tool`);
        }}
        onObjectChange={() => dragging.current && solve()}
        onMouseUp={() => {
          dragging.current = false;
          cellStore.getState().endGesture();
          setReachable(true);
        }}
      />
    </>
  );
}
