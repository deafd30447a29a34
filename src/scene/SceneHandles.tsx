import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { registerSceneHandles } from './scene-handles';

/** Registers the renderer and the cell root (by name) for exports; renders nothing. */
export function SceneHandles({ rootName }: { rootName: string }) {
  const { gl, scene, camera } = useThree();
  useEffect(() => {
    const root = scene.getObjectByName(rootName);
    if (root) registerSceneHandles({ gl, root, camera, render: () => gl.render(scene, camera) });
    return () => registerSceneHandles(null);
  }, [gl, scene, camera, rootName]);
  return null;
}
