import { FenceRunPreview } from './FenceRunPreview';
import { MeasureOverlay } from './MeasureOverlay';
import { ToolFloor } from './ToolFloor';

/**
 * The scene side of the editing tools that pick points (measure, draw a fence run): the floor
 * that catches their clicks and what they draw. Mounted inside the Z-up root.
 */
export function SceneTools() {
  return (
    <>
      <ToolFloor />
      <MeasureOverlay />
      <FenceRunPreview />
    </>
  );
}
