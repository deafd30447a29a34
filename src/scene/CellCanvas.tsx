import { GizmoHelper, GizmoViewport, OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useStore } from 'zustand';
import { viewOptionsStore } from './view-options';
import { Canvas } from '@react-three/fiber';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { FloorOutline } from './FloorOutline';
import { FrameProbe } from './FrameProbe';
import { AutosaveFrameMark } from './AutosaveFrameMark';
import { RenderFault } from './RenderFault';
import { SceneHandles } from './SceneHandles';
import { ItemNode } from './ItemNode';
import { ReachRings } from './ReachRings';
import { SimLayer } from './sim/SimLayer';
import { TargetMarkers } from './TargetMarkers';
import { SceneLabels } from './SceneLabels';
import { EditCollisionTint } from './robot/EditCollisionTint';
import { useLayoutReport } from './use-layout-report';
import { SelectionGizmo } from './SelectionGizmo';
import { MultiSelectionGizmo } from './MultiSelectionGizmo';
import { BoxSelectTool } from './BoxSelectTool';
import { CameraRig } from './CameraRig';
import { TourDriver } from './tour/TourDriver';
import { SceneTools } from './tools/SceneTools';
import { KinematicsOverlay } from './kinematics/KinematicsOverlay';

/**
 * The 3D view of the cell.
 *
 * Frames: the cell is Z-up (ROS/URDF). three.js is Y-up, so one root group turns the whole cell
 * −90° about X (cell z → three y, cell y → three −z) instead of converting every vector. Inside
 * `<ZUp>` every position, rotation and mesh is in cell coordinates. The grid and the camera live
 * outside it, in three's frame.
 */
export function CellCanvas() {
  const items = useCell((s) => s.cell.items);
  const floor = useCell((s) => s.cell.floor);
  const view = useStore(viewOptionsStore, (s) => s.view);
  const { intersections } = useLayoutReport();
  const clashing = new Set(intersections.flatMap((i) => [i.a, i.b]));
  return (
    <>
      <Canvas
        shadows="percentage"
        frameloop="demand"
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        onPointerMissed={(e) => {
          if (e.button === 0) cellStore.getState().select([]);
        }}
      >
        <color attach="background" args={['#eef1f4']} />
        <hemisphereLight args={['#ffffff', '#b8c0c8', 1.4]} />
        <directionalLight
          position={[6, 12, 4]}
          intensity={1.6}
          castShadow
          shadow-mapSize={[1024, 1024]}
          shadow-camera-left={-10}
          shadow-camera-right={10}
          shadow-camera-top={10}
          shadow-camera-bottom={-10}
        />
        {/* Metre grid over 30 m, with a 100 mm grid on the central 10 m where cells usually sit. */}
        <gridHelper args={[30, 30, '#8d99a4', '#a9b3bc']} position={[0, 0.001, 0]} />
        <gridHelper args={[10, 100, '#dfe4e8', '#dfe4e8']} position={[0, 0.0005, 0]} />
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, -0.002, 0]} receiveShadow>
          <planeGeometry args={[60, 60]} />
          <shadowMaterial opacity={0.18} />
        </mesh>
        <group rotation={[-Math.PI / 2, 0, 0]} name="cell-root-z-up">
          <FloorOutline width={floor.width} depth={floor.depth} />
          <ReachRings />
          <SimLayer />
          <TargetMarkers />
          <EditCollisionTint />
          <SceneTools />
          <KinematicsOverlay />
          {items.map((item) => (
            <ItemNode key={item.id} item={item} clash={clashing.has(item.id)} />
          ))}
        </group>
        <SelectionGizmo />
        <MultiSelectionGizmo />
        <BoxSelectTool />
        <CameraRig />
        <TourDriver />
        {view === 'top' ? (
          // Looking down three's −y; screen-up is three's −z, which is the cell's +Y.
          <OrthographicCamera makeDefault position={[0, 40, 0]} up={[0, 0, -1]} zoom={70} near={0.1} far={200} />
        ) : (
          <PerspectiveCamera makeDefault position={[4.2, 3.4, 4.6]} fov={45} near={0.05} far={200} />
        )}
        <OrbitControls key={view} makeDefault target={[0, view === 'top' ? 0 : 0.5, 0]} enableRotate={view !== 'top'} maxPolarAngle={Math.PI / 2 - 0.02} />
        <GizmoHelper alignment="bottom-right" margin={[56, 56]}>
          {/* three's axes shown under the cell's names: three y is cell Z (up), three z is cell −Y. */}
          <GizmoViewport labels={['X', 'Z', '−Y']} axisColors={['#d9534f', '#3a7bd5', '#5cb85c']} labelColor="#fff" />
        </GizmoHelper>
        <FrameProbe />
        <AutosaveFrameMark />
        <RenderFault />
        <SceneHandles rootName="cell-root-z-up" />
      </Canvas>
      <SceneLabels />
    </>
  );
}
