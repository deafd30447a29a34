/**
 * One parse per robot source: the scene, the jog panel and the inspector all need the same
 * RobotDescription, and parsing a large URDF several times per edit would be wasted work. The
 * document replaces a source object when it changes, so the object itself is the cache key.
 */
import { useEffect, useState } from 'react';
import { libraryFileFor, type RobotSource } from '../../model';
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
