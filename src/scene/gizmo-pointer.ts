/**
 * Whether the pointer is on a handle of a transform gizmo. Box selection starts on Shift+drag
 * over empty floor, and Shift+drag on a handle means "move without snapping": the box tool asks
 * here first so that it never steals a handle drag. The gizmos register their controls; a
 * TransformControls knows its hovered `axis` from the last pointer move.
 */

/** What is read from a TransformControls (three-stdlib declares `axis` private, so it is read by shape). */
interface HandleOwner {
  axis?: string | null;
  dragging?: boolean;
}

const owners = new Set<HandleOwner>();

/** Registers a gizmo's controls while it is on screen; returns the unregister function. */
export function registerGizmo(controls: object): () => void {
  const owner = controls as HandleOwner;
  owners.add(owner);
  return () => owners.delete(owner);
}

/** True when a gizmo's handle is under the pointer (or being dragged). */
export function pointerOnGizmoHandle(): boolean {
  for (const o of owners) if ((o.axis !== null && o.axis !== undefined) || o.dragging === true) return true;
  return false;
}

/** A stable React ref callback that registers a gizmo for as long as it is mounted. */
export const gizmoHandleRef = (controls: object | null): (() => void) | undefined => (controls ? registerGizmo(controls) : undefined);
