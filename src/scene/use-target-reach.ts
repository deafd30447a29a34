import { useEffect, useMemo, useState } from 'react';
import type { RobotItem } from '../model';
import { useCell } from '../store/use-cell';
import { checkTargets, type RobotReachSolver, type TargetReach } from '../tools/targets';
import { resolvedRobot } from './robot/resolved-cache';
import { robotKinematics } from './robot/robot-kinematics';

/**
 * Reachability of every target by the cell's robots, recomputed when the cell changes. Robot
 * descriptions load asynchronously, so until they are parsed the answer is an empty list.
 */
export function useTargetReach(): TargetReach[] {
  const cell = useCell((s) => s.cell);
  const robots = useMemo(() => cell.items.filter((i): i is RobotItem => i.type === 'robot'), [cell.items]);
  const [solvers, setSolvers] = useState<RobotReachSolver[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all(robots.map(async (item) => ({ item, ik: robotKinematics((await resolvedRobot(item.source)).description, item.source).ik }))).then(
      (s) => live && setSolvers(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [robots]);
  return useMemo(() => (cell.targets.length === 0 || solvers.length !== robots.length ? [] : checkTargets(cell, solvers)), [cell, solvers, robots.length]);
}
