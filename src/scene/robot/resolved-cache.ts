/**
 * One parse per robot source: the scene, the jog panel and the inspector all need the same
 * RobotDescription, and parsing a large URDF several times per edit would be wasted work. The
 * document replaces a source object when it changes, so the object itself is the cache key.
 */
import { useEffect, useState } from 'react';
import { describeCellRobots, libraryFileFor, type Cell, type CellRobotDescriptions, type RobotSource } from '../../model';
import { resolveRobotSource, type ResolvedRobot } from './robot-sources';

const cache = new WeakMap<RobotSource, Promise<ResolvedRobot>>();

/** The parsed robot of `source` (memoised per source object). Rejects with UrdfError on bad input. */
export function resolvedRobot(source: RobotSource): Promise<ResolvedRobot> {
  let entry = cache.get(source);
  if (!entry) {
    entry = resolveRobotSource(source, libraryFileFor);
    cache.set(source, entry);
  }
  return entry;
}

/** One source object per bundled tool, so the parse cache (keyed by object) hits for every caller. */
const toolSources = new Map<string, RobotSource>();

/** The shared source object of the bundled tool `id`. */
export function toolSource(id: string): RobotSource {
  let s = toolSources.get(id);
  if (!s) toolSources.set(id, (s = { type: 'bundled', id }));
  return s;
}

/** The parsed descriptions of every robot and tool of `cell`, by item id and tool id (what a simulation or a check of the cell needs). */
export function cellRobotDescriptions(cell: Cell): Promise<CellRobotDescriptions> {
  return describeCellRobots(cell, async (source) => (await resolvedRobot(source)).description, toolSource);
}

/** React binding: the parsed robot once ready, null while loading or when it failed. */
export function useResolvedRobot(source: RobotSource | null): ResolvedRobot | null {
  const [resolved, setResolved] = useState<ResolvedRobot | null>(null);
  useEffect(() => {
    let live = true;
    setResolved(null);
    if (source) resolvedRobot(source).then((r) => live && setResolved(r), () => undefined);
    return () => {
      live = false;
    };
  }, [source]);
  return resolved;
}
