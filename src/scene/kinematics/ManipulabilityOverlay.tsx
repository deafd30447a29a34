/**
 * The manipulability part of the kinematics view in the scene (inside the robot's item group,
 * i.e. its base frame): the translational ellipsoid at the tool and the heat map of a plane,
 * computed in the reach worker whenever the pose or the plane's height changes.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DataTexture, DoubleSide, LinearFilter, Matrix4, RGBAFormat, SRGBColorSpace, UnsignedByteType } from 'three';
import { useStore } from 'zustand';
import { planeManipulabilityMap } from '../../bridge/reach-client';
import { UNREACHABLE } from '../../kinematics/manipulability-map';
import type { ManipulabilityEllipsoid } from '../../kinematics/manipulability';
import type { RobotDescription } from '../../model';
import { heatColour, heatMapRange, heatMapStore } from './heat-map-store';
import { kinematicsViewStore } from './kinematics-view';

/**
 * Drawing scale of the ellipsoid: 0.2 m of semi-axis per 1 m/s of tool speed per rad/s of joint
 * rate norm — it shows where the tool gets in 1 s with joint rates of norm 0.2 rad/s.
 */
export const ELLIPSOID_SCALE = 0.2;
/** Cells per side of the heat map. */
export const HEAT_MAP_CELLS = 48;

/** The ellipsoid at the tool origin `at` (base frame): a translucent surface and its three axes. */
export function EllipsoidMesh({ ellipsoid, at }: { ellipsoid: ManipulabilityEllipsoid; at: readonly number[] }) {
  const matrix = useMemo(() => {
    const [a, b, c] = ellipsoid.axes;
    const [la, lb, lc] = ellipsoid.lengths.map((l) => Math.max(0.002, l * ELLIPSOID_SCALE)) as [number, number, number];
    // Columns: the axes scaled by the semi-axis lengths, then the tool position.
    return new Matrix4().set(
      a[0] * la, b[0] * lb, c[0] * lc, at[0]!,
      a[1] * la, b[1] * lb, c[1] * lc, at[1]!,
      a[2] * la, b[2] * lb, c[2] * lc, at[2]!,
      0, 0, 0, 1,
    );
  }, [ellipsoid, at]);
  return (
    <group matrix={matrix} matrixAutoUpdate={false} name="manipulability-ellipsoid">
      <mesh raycast={() => null} renderOrder={8}>
        <sphereGeometry args={[1, 40, 24]} />
        <meshStandardMaterial color="#ff8c1a" transparent opacity={0.4} depthWrite={false} />
      </mesh>
      <mesh raycast={() => null} renderOrder={9}>
        <sphereGeometry args={[1, 16, 10]} />
        <meshBasicMaterial color="#b35900" wireframe transparent opacity={0.35} depthWrite={false} />
      </mesh>
    </group>
  );
}

/** What a heat map is computed for: the robot chain, the tool pose (base frame) and the joints. */
export interface HeatMapSubject {
  /** The robot item's id. */
  owner: string;
  robot: RobotDescription;
  base: string;
  tip: string;
  /** The tool's pose (column-major 4×4): its orientation is held, its height is the default plane. */
  tool: Float64Array;
  q: readonly number[];
}

/** Runs the worker job for `subject` (memoise it) while the heat map is shown; results go to heatMapStore. */
export function useHeatMapJob(subject: HeatMapSubject | null) {
  const showHeatMap = useStore(kinematicsViewStore, (s) => s.showHeatMap);
  const chosenHeight = useStore(kinematicsViewStore, (s) => s.heatMapHeight);
  useEffect(() => {
    if (!showHeatMap || !subject) return;
    const { owner, robot, base, tip, tool, q } = subject;
    const height = chosenHeight ?? tool[14]!;
    let job: ReturnType<typeof planeManipulabilityMap> | null = null;
    // A short pause first: jogging changes the pose many times a second.
    const timer = setTimeout(() => {
      // This robot's previous map stays until the new one is ready (no flicker while jogging); another robot's goes.
      if (heatMapStore.getState().owner !== owner) heatMapStore.setState({ grid: null, values: null });
      heatMapStore.setState({ owner, status: 'running', done: 0, total: HEAT_MAP_CELLS, message: '' });
      job = planeManipulabilityMap(robot, base, tip, { height, centre: [0, 0], halfSize: 0, cells: HEAT_MAP_CELLS }, tool, q, (done, total) => heatMapStore.setState({ done, total }));
      job.result.then(
        ({ grid, values }) => heatMapStore.setState({ status: 'done', grid, values, ...heatMapRange(values) }),
        (e: unknown) => heatMapStore.setState({ status: 'error', grid: null, values: null, message: e instanceof Error ? e.message : String(e) }),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      if (!job) return;
      job.cancel();
      if (heatMapStore.getState().status === 'running') heatMapStore.setState({ status: 'idle' });
    };
  }, [showHeatMap, chosenHeight, subject]);
}

/** The finished heat map as a texture on a square in its plane; unreachable cells transparent. */
export function HeatMapQuad({ owner }: { owner: string }) {
  const { grid: ownGrid, values, maxW, owner: mapOwner } = useStore(heatMapStore);
  const grid = mapOwner === owner ? ownGrid : null;
  const invalidate = useThree((s) => s.invalidate);
  const texture = useMemo(() => {
    if (!grid || !values) return null;
    const rgba = new Uint8Array(4 * values.length);
    values.forEach((w, k) => {
      if (w === UNREACHABLE) return;
      const [r, g, b] = heatColour(maxW > 0 ? w / maxW : 0);
      rgba.set([r, g, b, 180], 4 * k);
    });
    const t = new DataTexture(rgba, grid.cells, grid.cells, RGBAFormat, UnsignedByteType);
    t.colorSpace = SRGBColorSpace;
    t.magFilter = LinearFilter;
    t.needsUpdate = true;
    return t;
  }, [grid, values, maxW]);
  useEffect(() => () => texture?.dispose(), [texture]);
  useEffect(() => invalidate(), [texture, invalidate]);
  if (!grid || !texture) return null;
  return (
    <mesh position={[grid.centre[0], grid.centre[1], grid.height]} raycast={() => null} renderOrder={7} name="manipulability-heat-map">
      <planeGeometry args={[2 * grid.halfSize, 2 * grid.halfSize]} />
      <meshBasicMaterial map={texture} transparent side={DoubleSide} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
