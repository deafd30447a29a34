import { useMemo } from 'react';
import { BoxGeometry, EdgesGeometry } from 'three';

/**
 * A thin outline around an item's extent, drawn on top so a selected item stays visible
 * through whatever stands in front of it.
 */
export function SelectionBox({ size }: { size: [number, number, number] }) {
  const geometry = useMemo(() => {
    const pad = 0.03;
    return new EdgesGeometry(new BoxGeometry(size[0] + pad, size[1] + pad, size[2] + pad));
  }, [size[0], size[1], size[2]]);
  return (
    <lineSegments geometry={geometry} position={[0, 0, size[2] / 2]} renderOrder={10}>
      <lineBasicMaterial color="#1e90ff" depthTest={false} transparent />
    </lineSegments>
  );
}
