import { describe, expect, it } from 'vitest';
import { clientToPlan, panViewBox, wheelZoomFactor, zoomViewBox, type ViewBox } from '../../src/tools/plan-view';

/** A 1000 × 500 mm plan in a 200 × 200 px box at (10, 20): 0.2 px per mm, letterboxed 50 px top and bottom. */
const vb: ViewBox = [0, 0, 1000, 500];
const rect = { left: 10, top: 20, width: 200, height: 200 };

describe('the plan view box', () => {
  it('maps the centre of the element to the centre of the plan, and the letterbox edge to its top', () => {
    expect(clientToPlan(vb, rect, 110, 120)).toEqual([500, 250]);
    expect(clientToPlan(vb, rect, 10, 70)).toEqual([0, 0]);
  });

  it('zooms in 2× about the cursor, keeping the plan point under it where it was', () => {
    const focus = clientToPlan(vb, rect, 60, 95); // (250, 125)
    const zoomed = zoomViewBox(vb, 0.5, focus);
    expect(zoomed).toEqual([125, 62.5, 500, 250]);
    expect(clientToPlan(zoomed, rect, 60, 95)).toEqual([250, 125]);
  });

  it('stops zooming in at a 200 mm wide view', () => {
    expect(zoomViewBox(vb, 0.01, [500, 250])[2]).toBeCloseTo(200, 9);
  });

  it('pans with the pointer: a 20 px drag right moves the view 100 mm left', () => {
    expect(panViewBox(vb, rect, 20, -10)).toEqual([-100, 50, 1000, 500]);
  });

  it('zooms out on a wheel notch down (deltaY 100) by about 10 %, and back in by the same', () => {
    expect(wheelZoomFactor(100)).toBeCloseTo(1.105, 3);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 12);
  });
});
