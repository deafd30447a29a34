/**
 * React binding of the step estimates: resolves the robot's and its tool's descriptions (parsed
 * once per source, shared with the scene) and re-times the program with the simulation's own
 * program timing (sim/program/plan-timing.ts, what `celltwin plan CELL --robot` prints) when the
 * program, the targets or the items change (a few ms to a few tens of ms).
 */
import { useEffect, useState } from 'react';
import type { Cell, RobotItem } from '../../model';
import type { RobotDescription } from '../../model/robot-description';
import { cellRobotDescriptions, resolvedRobot, toolSource } from '../../scene/robot/resolved-cache';
import { programTiming, type ProgramTiming } from '../../sim/program/plan-timing';
import type { EditCollision } from '../../tools/edit-collisions';
import { programEndPoseCollisions } from '../../tools/edit-collisions-program';

interface Descriptions {
  arm: RobotDescription;
  tool: RobotDescription | null;
}

function useDescriptions(item: RobotItem | undefined): Descriptions | null {
  const [d, setD] = useState<Descriptions | null>(null);
  const source = item?.source;
  const toolId = item?.tool?.id;
  useEffect(() => {
    let live = true;
    setD(null);
    if (!source) return;
    const tool = toolId ? resolvedRobot(toolSource(toolId)).then((r) => r.description, () => null) : Promise.resolve(null);
    Promise.all([resolvedRobot(source), tool]).then(
      ([arm, t]) => live && setD({ arm: arm.description, tool: t }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, toolId]);
  return d;
}

/** The estimate of a program, and per step what the robot collides with where the move ends. */
export interface ProgramCheck extends ProgramTiming {
  endCollisions: EditCollision[][];
}

/** The estimate of `robot`'s program in `cell`, or null while loading or without a program. */
export function useProgramEstimate(cell: Cell, robot: string): ProgramCheck | null {
  const item = cell.items.find((i): i is RobotItem => i.id === robot && i.type === 'robot');
  const d = useDescriptions(item);
  const [estimate, setEstimate] = useState<ProgramCheck | null>(null);
  const { programs, targets, items } = cell;
  useEffect(() => {
    if (!d) {
      setEstimate(null);
      return;
    }
    // After paint: typing in a field must not wait for the planner.
    let live = true;
    const timer = setTimeout(() => {
      const now = { ...cell, programs, targets, items };
      let timing: ProgramTiming | null = null;
      try {
        timing = programTiming(now, robot, d);
      } catch {
        timing = null; // a description the rig cannot use: no estimates, the editor still works
      }
      if (!timing) return setEstimate(null);
      const t = timing;
      setEstimate({ ...t, endCollisions: [] });
      cellRobotDescriptions(now).then(
        (robots) => {
          if (!live) return;
          try {
            setEstimate({ ...t, endCollisions: programEndPoseCollisions(now, robot, robots) });
          } catch {
            // a cell the simulation could not load: the run will say why
          }
        },
        () => undefined,
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cell's other fields do not change timing
  }, [d, programs, targets, items, robot]);
  return estimate;
}
