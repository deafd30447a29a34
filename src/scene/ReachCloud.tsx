import { useEffect, useState } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useStore } from 'zustand';
import { reachCloud } from '../bridge/reach-client';
import type { RobotItem } from '../model';
import { useResolvedRobot } from './robot/resolved-cache';
import { flangeLink } from '../model';
import { viewOptionsStore } from './view-options';

/**
 * The sampled workspace of a robot as a point cloud in its own frame (drawn inside the robot's
 * item group), computed in a worker the first time it is asked for.
 */
export function ReachCloud({ item }: { item: RobotItem }) {
  const show = useStore(viewOptionsStore, (s) => s.showReach);
  const resolved = useResolvedRobot(show ? item.source : null);
  const [geometry, setGeometry] = useState<BufferGeometry | null>(null);
  useEffect(() => {
    if (!resolved) return;
    let live = true;
    const robot = resolved.description;
    reachCloud(robot, robot.root, flangeLink(item.source, robot)).then(
      (points) => {
        if (!live) return;
        const g = new BufferGeometry();
        g.setAttribute('position', new BufferAttribute(points, 3));
        setGeometry(g);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [resolved]);
  if (!show || !geometry) return null;
  return (
    <points geometry={geometry} name={`reach-cloud:${item.id}`} raycast={() => null}>
      <pointsMaterial color="#1e6fd9" size={0.012} transparent opacity={0.35} depthWrite={false} />
    </points>
  );
}
