import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { Box3, BoxGeometry, EdgesGeometry, Matrix4, Vector3, type Object3D } from 'three';

const PAD = 0.03;

/** Bounds of `body`'s meshes in `body`'s own frame (so the outline turns with the item). */
function localBounds(body: Object3D): Box3 {
  const box = new Box3();
  // Update first: right after a move the body's own matrixWorld is still the old pose, and an
  // outline measured with it would trail the item by the last step.
  body.updateWorldMatrix(true, true);
  const toLocal = new Matrix4().copy(body.matrixWorld).invert();
  const part = new Box3();
  body.traverse((o) => {
    const geometry = (o as { geometry?: { boundingBox: Box3 | null; computeBoundingBox(): void } }).geometry;
    if (!geometry || !o.visible) return;
    if (!geometry.boundingBox) geometry.computeBoundingBox();
    if (!geometry.boundingBox) return;
    part.copy(geometry.boundingBox).applyMatrix4(new Matrix4().multiplyMatrices(toLocal, o.matrixWorld));
    box.union(part);
  });
  return box;
}

/**
 * A thin outline around a selected item (blue) or one standing in another (red), drawn on top so it stays visible through whatever
 * stands in front. Sized from what is actually drawn (a robot's current pose included), or from
 * the item's nominal extent while nothing is drawn yet.
 */
export function SelectionBox({
  body,
  extent,
  version,
  colour = '#1e90ff',
}: {
  body: RefObject<Object3D | null>;
  extent: [number, number, number];
  version: unknown;
  colour?: string;
}) {
  const [bounds, setBounds] = useState<{ size: Vector3; centre: Vector3 } | null>(null);
  useLayoutEffect(() => {
    const box = body.current ? localBounds(body.current) : new Box3();
    setBounds(box.isEmpty() ? null : { size: box.getSize(new Vector3()), centre: box.getCenter(new Vector3()) });
  }, [body, version]);
  const size = bounds?.size ?? new Vector3(...extent);
  const centre = bounds?.centre ?? new Vector3(0, 0, extent[2] / 2);
  const geometry = useMemo(
    () => new EdgesGeometry(new BoxGeometry(size.x + PAD, size.y + PAD, size.z + PAD)),
    [size.x, size.y, size.z],
  );
  return (
    <lineSegments name="selection-outline" geometry={geometry} position={centre} renderOrder={10}>
      <lineBasicMaterial color={colour} depthTest={false} transparent />
    </lineSegments>
  );
}
