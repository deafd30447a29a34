/**
 * Box selection's hit test: left → right windows take items wholly inside, right → left
 * crossings take items they touch; groups come whole; a real three.js camera projects the
 * items' boxes, height included.
 */
import { PerspectiveCamera } from 'three';
import { describe, expect, it } from 'vitest';
import type { CellItem, Vec3 } from '../../src/model';
import { cameraProjector } from '../../src/scene/screen-projection';
import { boxMode, boxSelectIds, convexHull, hullTouchesRect, itemInBox, type Projector } from '../../src/tools/box-select';

/** A plan view at 100 px per metre, cell origin at page (500, 300), +Y up the page. */
const plan: Projector = ([x, y]) => [500 + 100 * x, 300 - 100 * y];

const conveyor = (id: string, x: number, y: number, length: number, yaw = 0): CellItem => ({
  id,
  name: id,
  type: 'conveyor',
  pose: { xyz: [x, y, 0], rpy: [0, 0, yaw] },
  length,
  width: 0.5,
  height: 0.8,
  speed: 0.2,
});
const table = (id: string, x: number, y: number, size: Vec3, yaw = 0): CellItem => ({
  id,
  name: id,
  type: 'table',
  pose: { xyz: [x, y, 0], rpy: [0, 0, yaw] },
  size,
});

// On the plan: A spans x 190..490, y 185..235 px; B x 290..490, y 475..525; C x 560..680, y 260..340;
// D is a 1 m square turned 45°, a diamond centred on (800, 100) with corners 70.7 px out.
const A = conveyor('A', -1.6, 0.9, 3);
const B = conveyor('B', -1.1, -2.0, 2);
const C = table('C', 1.2, 0, [1.2, 0.8, 0.75]);
const D = table('D', 3, 2, [1, 1, 0.75], Math.PI / 4);
const items = [A, B, C, D];

describe('box selection', () => {
  it('reads the drag direction: left → right is a window, right → left a crossing', () => {
    expect(boxMode({ x0: 10, y0: 10, x1: 50, y1: 5 })).toBe('window');
    expect(boxMode({ x0: 50, y0: 10, x1: 10, y1: 40 })).toBe('crossing');
  });

  it('a window from (180, 175) to (500, 540) takes the two conveyors wholly inside it and not the table beside them', () => {
    expect(boxSelectIds(items, plan, { x0: 180, y0: 175, x1: 500, y1: 540 })).toEqual(['A', 'B']);
  });

  it('a narrow strip x 480..500 takes both conveyors as a crossing but nothing as a window', () => {
    expect(boxSelectIds(items, plan, { x0: 500, y0: 540, x1: 480, y1: 180 })).toEqual(['A', 'B']);
    expect(boxSelectIds(items, plan, { x0: 480, y0: 180, x1: 500, y1: 540 })).toEqual([]);
  });

  it('counts a touch on the boundary: a crossing ending exactly on the table edge at x = 560 takes it', () => {
    expect(boxSelectIds(items, plan, { x0: 600, y0: 300, x1: 560, y1: 310 })).toEqual(['C']);
    expect(boxSelectIds(items, plan, { x0: 559.9, y0: 300, x1: 540, y1: 310 })).toEqual([]);
  });

  it('tests a turned item by its outline, not its screen bounds: the empty corner of the diamond catches nothing', () => {
    // (840..860, 150..160) is inside the diamond's bounding square (729..871, 29..171) but outside the diamond.
    expect(boxSelectIds(items, plan, { x0: 860, y0: 160, x1: 840, y1: 150 })).toEqual([]);
    expect(boxSelectIds(items, plan, { x0: 830, y0: 110, x1: 810, y1: 105 })).toEqual(['D']);
    // A window must hold all four tips: 729.3..870.7 by 29.3..170.7.
    expect(boxSelectIds(items, plan, { x0: 729, y0: 29, x1: 871, y1: 171 })).toEqual(['D']);
    expect(boxSelectIds(items, plan, { x0: 731, y0: 29, x1: 871, y1: 171 })).toEqual([]);
  });

  it('takes a group whole: a window needs every member inside, a crossing any member', () => {
    const grouped = [{ ...A, group: 'g1' }, B, { ...C, group: 'g1' }, D] as CellItem[];
    expect(boxSelectIds(grouped, plan, { x0: 180, y0: 175, x1: 500, y1: 540 })).toEqual(['B']);
    expect(boxSelectIds(grouped, plan, { x0: 180, y0: 175, x1: 700, y1: 540 })).toEqual(['A', 'B', 'C']);
    expect(boxSelectIds(grouped, plan, { x0: 600, y0: 300, x1: 560, y1: 310 })).toEqual(['A', 'C']);
  });

  it('hull and rectangle: a hull of one point is a point test; collinear and repeated points collapse', () => {
    expect(convexHull([[0, 0], [1, 1], [2, 2], [2, 2], [0, 2], [2, 0]])).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
    expect(hullTouchesRect([[5, 5]], { x0: 0, y0: 0, x1: 5, y1: 5 })).toBe(true);
    expect(hullTouchesRect([[5.1, 5]], { x0: 0, y0: 0, x1: 5, y1: 5 })).toBe(false);
    expect(hullTouchesRect([], { x0: 0, y0: 0, x1: 5, y1: 5 })).toBe(false);
  });

  describe('through a real camera', () => {
    // A perspective camera 10 m above the origin looking straight down, 90° field of view, on a
    // 600 × 600 px canvas: a point at height h and (x, y) shows at 300 + 300·x/(10 − h), 300 − 300·y/(10 − h).
    const camera = new PerspectiveCamera(90, 1, 0.1, 100);
    camera.position.set(0, 10, 0);
    camera.up.set(0, 0, -1);
    camera.lookAt(0, 0, 0);
    camera.updateProjectionMatrix();
    const project = cameraProjector(camera, { left: 0, top: 0, width: 600, height: 600 });
    const tower: CellItem = { id: 'T', name: 'T', type: 'machine', machineType: 'generic', pose: { xyz: [2, 0, 0], rpy: [0, 0, 0] }, size: [0.5, 0.5, 5], processTime: 1 };

    it('projects as the pinhole formula says', () => {
      expect(project([2, 1, 0])?.[0]).toBeCloseTo(360, 6);
      expect(project([2, 1, 0])?.[1]).toBeCloseTo(270, 6);
      expect(project([2.25, 0, 5])?.[0]).toBeCloseTo(435, 6);
    });

    it('needs the top of a tall item inside a window, not just its footprint (box spans x 352.5..435 px)', () => {
      expect(itemInBox(tower, project, { x0: 350, y0: 280, x1: 370, y1: 320 }, 'window')).toBe(false);
      expect(itemInBox(tower, project, { x0: 350, y0: 270, x1: 436, y1: 330 }, 'window')).toBe(true);
      expect(itemInBox(tower, project, { x0: 434, y0: 300, x1: 420, y1: 301 }, 'crossing')).toBe(true);
      expect(itemInBox(tower, project, { x0: 440, y0: 300, x1: 436, y1: 301 }, 'crossing')).toBe(false);
    });

    it('an item reaching above the camera is never wholly inside a window, but a crossing still catches its visible part', () => {
      const mast: CellItem = { ...tower, id: 'M', size: [0.5, 0.5, 12] } as CellItem;
      expect(project([2.25, 0.25, 12])).toBeNull();
      expect(itemInBox(mast, project, { x0: 0, y0: 0, x1: 600, y1: 600 }, 'window')).toBe(false);
      expect(itemInBox(mast, project, { x0: 370, y0: 280, x1: 350, y1: 320 }, 'crossing')).toBe(true);
    });
  });
});
