/**
 * Where a surface click in "place a target" mode goes. The UI registers the handler (it owns the
 * editing commands); the scene only reports the item and the point in the item's frame.
 */
type SurfaceHandler = (itemId: string, local: [number, number, number]) => void;

let handler: SurfaceHandler = () => undefined;

export function setSurfaceClickHandler(h: SurfaceHandler): void {
  handler = h;
}

export function onSurfaceClick(itemId: string, local: [number, number, number]): void {
  handler(itemId, local);
}
