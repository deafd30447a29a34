import { useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import type { URDFRobot } from 'urdf-loader';
import { useStore } from 'zustand';
import { activeJoints, libraryFileFor, type JointDescription, type RobotItem } from '../../model';
import { posableJoints } from '../../kinematics/start-pose';
import { flangeLink } from '../../model';
import { robotViews } from '../robot/view-registry';
import { setLoadStatus } from '../robot/load-status';
import { resolveRobotSource } from '../robot/robot-sources';
import { resolvedRobot } from '../robot/resolved-cache';
import { loadRobotView, showCollision } from '../robot/robot-view';
import { viewOptionsStore } from '../view-options';
import { COLORS } from './materials';

/** Loads a bundled tool and fixes it to the robot's flange link; returns its load warnings. */
async function mountTool(itemId: string, robot: URDFRobot, flange: string, toolId: string): Promise<string[]> {
  const tool = await resolveRobotSource({ type: 'bundled', id: toolId }, libraryFileFor);
  const load = loadRobotView(tool.text, tool.description, tool.meshes);
  const mount = robot.links[flange] ?? robot.frames[flange];
  if (!mount) return [`tool ${toolId}: the robot has no link "${flange}" to mount it on`];
  load.robot.name = `tool:${toolId}`;
  mount.add(load.robot);
  const registered = robotViews.get(itemId);
  if (registered?.view === robot) registered.tool = load.robot;
  return load.done;
}

interface LoadedRobot {
  view: URDFRobot;
  /** Movable, non-mimic joint names in tree order: how `item.joints` is indexed. */
  jointNames: string[];
  /** The same joints' descriptions, to keep the values shown inside their ranges. */
  joints: JointDescription[];
}

/**
 * A robot item drawn from its URDF with urdf-loader. The robot shows as soon as its tree is
 * parsed; meshes fill in as they arrive (progress in the load-status store). While the URDF is
 * read, and if it cannot be, a base stand-in keeps the layout readable.
 */
export function RobotModel({ item }: { item: RobotItem }) {
  const [loaded, setLoaded] = useState<LoadedRobot | null>(null);
  const [failed, setFailed] = useState(false);
  const collision = useStore(viewOptionsStore, (s) => s.showCollision);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setFailed(false);
    setLoadStatus(item.id, { label: item.name, loaded: 0, total: 0, done: false, warnings: [], error: null });
    (async () => {
      const resolved = await resolvedRobot(item.source);
      if (cancelled) return;
      const load = loadRobotView(resolved.text, resolved.description, resolved.meshes, {
        onProgress: (done, total) => {
          if (cancelled) return;
          setLoadStatus(item.id, { loaded: done, total });
          invalidate();
        },
      });
      const joints = activeJoints(resolved.description);
      const jointNames = joints.map((j) => j.name);
      setLoaded({ view: load.robot, jointNames, joints });
      robotViews.set(item.id, { view: load.robot, tool: null, jointNames });
      const toolWarnings = item.tool ? await mountTool(item.id, load.robot, flangeLink(item.source, resolved.description), item.tool.id) : [];
      const warnings = [...toolWarnings, ...(await load.done)];
      if (cancelled) return;
      setLoadStatus(item.id, { done: true, warnings: [...resolved.warnings, ...warnings] });
      invalidate();
    })().catch((e: unknown) => {
      if (cancelled) return;
      setFailed(true);
      setLoadStatus(item.id, { done: true, error: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      cancelled = true;
      robotViews.delete(item.id);
    };
    // The source object is replaced, never mutated, when the document changes it.
  }, [item.source, item.tool?.id]);

  useEffect(() => {
    if (!loaded) return;
    // A file may hold no values or values outside a range: show the pose the kinematics will use.
    const q = posableJoints(loaded.joints, item.joints);
    loaded.jointNames.forEach((name, i) => loaded.view.setJointValue(name, q[i] ?? 0));
    invalidate();
  }, [loaded, item.joints]);

  useEffect(() => {
    if (!loaded) return;
    showCollision(loaded.view, collision);
    invalidate();
  }, [loaded, collision]);

  if (loaded) return <primitive object={loaded.view} />;
  return (
    <mesh position={[0, 0, 0.1]} rotation={[Math.PI / 2, 0, 0]}>
      <cylinderGeometry args={[0.15, 0.18, 0.2, 24]} />
      <meshStandardMaterial color={failed ? '#c0392b' : COLORS.robot} transparent opacity={0.6} />
    </mesh>
  );
}
