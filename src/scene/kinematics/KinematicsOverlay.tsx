import { Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Matrix4, Mesh, MeshStandardMaterial, type Material, type Object3D } from 'three';
import type { URDFRobot } from 'urdf-loader';
import { useStore } from 'zustand';
import { labelledBranches, type LabelledBranch } from '../../kinematics/ik-branches';
import { posableJoints } from '../../kinematics/start-pose';
import { activeJoints, type CellItem, type RobotItem } from '../../model';
import { cellStore } from '../../store/app-store';
import { updateItem } from '../../store/commands';
import { useCell } from '../../store/use-cell';
import { poseEuler } from '../pose';
import { useResolvedRobot } from '../robot/resolved-cache';
import { robotViews } from '../robot/view-registry';
import { kinematicsModel } from './kinematics-model';
import { kinematicsViewStore } from './kinematics-view';
import { jacobianRows, translationalEllipsoid } from '../../kinematics/manipulability';
import { EllipsoidMesh, HeatMapQuad, useHeatMapJob, type HeatMapSubject } from './ManipulabilityOverlay';
import { KinematicsLabelAnchors } from './KinematicsLabelAnchors';
import type { KinematicsLabelSource } from './kinematics-labels';

const AXIS = 0.09;

/** Where a frame's label points: on its z axis, 40 % of the drawn axis length from the origin. */
function frameLabelPoint(m: Float64Array): [number, number, number] {
  const a = AXIS * 0.4;
  return [m[8]! * a + m[12]!, m[9]! * a + m[13]!, m[10]! * a + m[14]!];
}

/**
 * x red, y green, z blue axes of one frame plus, for a joint, its axis as an orange line. Its
 * name is a label in the shared overlay (KinematicsLabelAnchors), laid out with all the others.
 */
function FrameAxes({ matrix, axis }: { matrix: Float64Array; axis?: readonly number[] }) {
  const m = useMemo(() => new Matrix4().fromArray(matrix), [matrix]);
  return (
    <group matrix={m} matrixAutoUpdate={false}>
      <Line points={[[0, 0, 0], [AXIS, 0, 0]]} color="#d9534f" lineWidth={2} depthTest={false} renderOrder={10} />
      <Line points={[[0, 0, 0], [0, AXIS, 0]]} color="#3c9a3c" lineWidth={2} depthTest={false} renderOrder={10} />
      <Line points={[[0, 0, 0], [0, 0, AXIS]]} color="#3a7bd5" lineWidth={2} depthTest={false} renderOrder={10} />
      {axis && (
        <Line points={[axis.map((v) => -1.6 * AXIS * v) as [number, number, number], axis.map((v) => 1.6 * AXIS * v) as [number, number, number]]} color="#f0a020" lineWidth={4} dashed={false} depthTest={false} renderOrder={11} />
      )}
    </group>
  );
}

/** A translucent copy of the robot's view at one branch; a click jumps the robot there. Its label is in the shared overlay. */
function Ghost({ item, source, branch }: { item: RobotItem; source: URDFRobot; branch: LabelledBranch }) {
  const invalidate = useThree((s) => s.invalidate);
  const ghost = useMemo(() => {
    const copy = source.clone(true) as URDFRobot;
    const materials: Material[] = [];
    copy.traverse((o: Object3D) => {
      if (!(o instanceof Mesh)) return;
      const material = new MeshStandardMaterial({ color: branch.withinLimits ? '#4a90d9' : '#9aa3ab', transparent: true, opacity: branch.withinLimits ? 0.28 : 0.14, depthWrite: false });
      materials.push(material);
      o.material = material;
      o.castShadow = false;
    });
    return { copy, materials };
  }, [source, branch.withinLimits]);
  useEffect(() => () => ghost.materials.forEach((m) => m.dispose()), [ghost]);
  useEffect(() => {
    const names = robotViews.get(item.id)?.jointNames ?? [];
    names.forEach((name, i) => ghost.copy.setJointValue(name, branch.q[i] ?? 0));
    invalidate();
  }, [ghost, branch.q, item.id, invalidate]);
  const jump = () => {
    if (!branch.withinLimits) return;
    cellStore.getState().execute({ ...updateItem(item.id, { joints: branch.q } as Partial<CellItem>), label: `Jump to IK branch: ${branch.label}` });
  };
  return (
    <group onClick={(e) => { e.stopPropagation(); jump(); }}>
      <primitive object={ghost.copy} />
    </group>
  );
}

function RobotKinematicsOverlay({ item }: { item: RobotItem }) {
  const resolved = useResolvedRobot(item.source);
  const view = useStore(kinematicsViewStore);
  const model = useMemo(() => (resolved ? kinematicsModel(resolved.description, item.source) : null), [resolved, item.source]);
  const scene = useMemo(() => {
    if (!model || !resolved) return null;
    const joints = activeJoints(resolved.description);
    const q = posableJoints(joints, item.joints);
    const { fk, ik, base, flange } = model;
    const target = fk.compute(q).relativePose(base, flange);
    const branches = view.showGhosts ? labelledBranches(ik, target, q).filter((b) => !b.q.every((v, i) => Math.abs(v - (q[i] ?? 0)) < 1e-6)) : [];
    const elbowLink = ik.jacobian.chain.joints[2]?.childLink ?? ik.jacobian.chain.tipLink;
    const labels = branches.map((b) => {
      const m = fk.compute(b.q).worldOf(elbowLink);
      return [m[12]!, m[13]!, m[14]! + 0.08] as [number, number, number];
    });
    ik.jacobian.compute(q);
    const ellipsoid = translationalEllipsoid(jacobianRows(ik.jacobian));
    const frames = ik.jacobian.chain.joints.map((j) => ({ name: j.name, axis: j.axis, matrix: fk.worldOf(j.childLink).slice() }));
    const tool = fk.relativePose(base, flange);
    const subject: HeatMapSubject = { owner: item.id, robot: resolved.description, base, tip: flange, tool, q };
    return { frames, base: fk.linkPose(base), flange: fk.linkPose(flange), branches, labels, ellipsoid, subject, toolAt: Array.from(tool.subarray(12, 15)) };
  }, [model, resolved, item.id, item.joints, view.showGhosts]);
  useHeatMapJob(scene?.subject ?? null);
  const source = robotViews.get(item.id)?.view;
  const labels = useMemo(() => {
    if (!scene) return [];
    const out: KinematicsLabelSource[] = [];
    if (view.showFrames) {
      out.push({ id: 'frame:base', text: 'base', kind: 'frame', position: frameLabelPoint(scene.base) });
      for (const f of scene.frames) {
        if (!view.hiddenFrames.includes(f.name)) out.push({ id: `frame:${f.name}`, text: f.name, kind: 'frame', position: frameLabelPoint(f.matrix) });
      }
      out.push({ id: 'frame:flange', text: 'flange', kind: 'frame', position: frameLabelPoint(scene.flange) });
    }
    if (source) {
      scene.branches.forEach((b, i) => {
        out.push({ id: `ghost:${b.branch}`, text: b.withinLimits ? b.label : `${b.label} (limits)`, kind: b.withinLimits ? 'ghost' : 'ghost-out', position: scene.labels[i]! });
      });
    }
    return out;
  }, [scene, source, view.showFrames, view.hiddenFrames]);
  if (!scene) return null;
  return (
    <group position={item.pose.xyz} rotation={poseEuler(item.pose)}>
      {view.showFrames && (
        <>
          <FrameAxes matrix={scene.base} />
          {scene.frames.filter((f) => !view.hiddenFrames.includes(f.name)).map((f) => <FrameAxes key={f.name} matrix={f.matrix} axis={f.axis} />)}
          <FrameAxes matrix={scene.flange} />
        </>
      )}
      {source && scene.branches.map((b) => <Ghost key={b.branch} item={item} source={source} branch={b} />)}
      <KinematicsLabelAnchors sources={labels} />
      {view.showEllipsoid && <EllipsoidMesh ellipsoid={scene.ellipsoid} at={scene.toolAt} />}
      {view.showHeatMap && <HeatMapQuad owner={item.id} />}
    </group>
  );
}

/**
 * The kinematics view in the scene (inside the Z-up cell root): the joint frames and axes of
 * the robot whose kinematics section is open and, on request, its IK branches as ghost robots,
 * its manipulability ellipsoid and the heat map of a plane.
 */
export function KinematicsOverlay() {
  const robotId = useStore(kinematicsViewStore, (s) => s.robot);
  const item = useCell((s) => s.cell.items.find((i) => i.id === robotId));
  if (!item || item.type !== 'robot') return null;
  return <RobotKinematicsOverlay item={item} />;
}
