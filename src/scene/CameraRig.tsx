import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, OrthographicCamera, Sphere, Vector3, type PerspectiveCamera } from 'three';
import { useStore } from 'zustand';
import { cellStore } from '../store/app-store';
import { focusStore } from './focus';

interface OrbitLike {
  target: Vector3;
  update(): void;
}

/**
 * Answers focus requests: moves the orbit target to the centre of the selected items (or of
 * everything) and backs the camera off, along its current direction, until they fit the view.
 */
export function CameraRig() {
  const requests = useStore(focusStore, (s) => s.requests);
  const { scene, camera, controls, invalidate, size } = useThree();
  useEffect(() => {
    if (requests === 0) return;
    const { selection, cell } = cellStore.getState();
    const ids = selection.length > 0 ? selection : cell.items.map((i) => i.id);
    const box = new Box3();
    for (const id of ids) {
      const o = scene.getObjectByName(id);
      if (o) box.expandByObject(o);
    }
    if (box.isEmpty()) return;
    const sphere = box.getBoundingSphere(new Sphere());
    const orbit = controls as unknown as OrbitLike | null;
    if (camera instanceof OrthographicCamera) {
      // Top view: keep looking straight down, centre on the selection and zoom to fit it.
      camera.position.set(sphere.center.x, camera.position.y, sphere.center.z);
      camera.zoom = Math.min(size.width, size.height) / (2.4 * Math.max(sphere.radius, 0.25));
      camera.updateProjectionMatrix();
      orbit?.target.set(sphere.center.x, 0, sphere.center.z);
      orbit?.update();
      invalidate();
      return;
    }
    const fov = ((camera as PerspectiveCamera).fov ?? 45) * (Math.PI / 180);
    const distance = Math.max(sphere.radius / Math.sin(fov / 2), 0.5) * 1.5;
    const direction = camera.position.clone().sub(orbit?.target ?? new Vector3()).normalize();
    camera.position.copy(sphere.center).addScaledVector(direction, distance);
    orbit?.target.copy(sphere.center);
    orbit?.update();
    invalidate();
  }, [requests]);
  return null;
}
