import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, layoutLabels, type LabelPlacement, type LabelRequest } from '../../src/scene/label-layout';

const request = (id: string, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest => ({
  id, x, y, width: 80, height: 16, offsetX: 0, offsetY: -22, rank: 2, depth: 5, ...extra,
});
const box = (p: LabelPlacement) => ({ left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + p.height });

const requests = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 800 }),
    y: fc.integer({ min: 0, max: 600 }),
    width: fc.integer({ min: 10, max: 220 }),
    height: fc.integer({ min: 10, max: 24 }),
    offsetX: fc.integer({ min: -20, max: 20 }),
    offsetY: fc.integer({ min: -30, max: 10 }),
    rank: fc.integer({ min: 0, max: 4 }),
    depth: fc.double({ min: 0.1, max: 20, noNaN: true }),
  }),
  { maxLength: 60 },
).map((rs) => rs.map((r, i) => ({ ...r, id: `label-${i}` })));

describe('the shared screen-space label layout', () => {
  it('puts a lone label at its own place, centred on anchor + offset, without a leader', () => {
    const [p] = layoutLabels([request('a', 400, 300)], 800, 600);
    expect(p).toEqual({ id: 'a', placed: true, left: 360, top: 270, width: 80, height: 16, leader: false, x: 400, y: 300 });
  });

  it('moves the second of two labels on the same anchor one box height (16 px + 2 px gap) up, with a leader', () => {
    const [first, second] = layoutLabels([request('a', 400, 300, { depth: 3 }), request('b', 400, 300, { depth: 4 })], 800, 600);
    expect(first!.top).toBe(270);
    expect(first!.leader).toBe(false);
    expect(second!.top).toBe(270 - 18);
    expect(second!.left).toBe(360);
    expect(second!.leader).toBe(true);
  });

  it('places by rank first, then the nearer label, whatever order the requests come in', () => {
    const far = request('far', 400, 300, { depth: 9 });
    const near = request('near', 400, 300, { depth: 2 });
    const pinned = request('pinned', 400, 300, { depth: 9, rank: 0 });
    const own = (ps: LabelPlacement[]) => ps.filter((p) => p.left === 360 && p.top === 270).map((p) => p.id);
    expect(own(layoutLabels([far, near], 800, 600))).toEqual(['near']);
    expect(own(layoutLabels([near, far], 800, 600))).toEqual(['near']);
    expect(own(layoutLabels([near, far, pinned], 800, 600))).toEqual(['pinned']);
  });

  it('keeps a label with no rings to try at its own place or leaves it out', () => {
    const placements = layoutLabels([request('a', 400, 300, { rings: 0 }), request('b', 410, 302, { rings: 0, depth: 6 })], 800, 600);
    expect(placements.map((p) => p.placed)).toEqual([true, false]);
  });

  it('slides a label that sticks out over the left edge inside the view, at its own height', () => {
    const [p] = layoutLabels([request('edge', 10, 300)], 800, 600);
    expect([p!.left, p!.top, p!.placed]).toEqual([0, 270, true]);
  });

  it('slides a label off a panel over the view the shortest way, and keeps every label off it', () => {
    const card = { left: 500, top: 0, right: 800, bottom: 400 };
    // Own place 470…550: 50 px under the card's left edge; moved left by 50 + 2 px gap, with a leader.
    const [a, b] = layoutLabels([request('a', 510, 300, { rings: 0 }), request('b', 700, 300)], 800, 600, { obstacles: [card] });
    expect([a!.left, a!.top, a!.placed, a!.leader]).toEqual([500 - 2 - 80, 270, true, true]);
    expect(b!.placed).toBe(true);
    expect(boxesOverlap(box(b!), card)).toBe(false);
  });

  it('leaves a label out when no place around it is free, and keeps boxes inside the view', () => {
    // A 100 × 40 view holds two 80 × 16 labels (16 + 2 + 16 px) and no third.
    const placements = layoutLabels([request('a', 50, 30), request('b', 50, 30), request('c', 50, 30)], 100, 40);
    expect(placements.map((p) => p.placed)).toEqual([true, true, false]);
    for (const p of placements.filter((q) => q.placed)) {
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.left + p.width).toBeLessThanOrEqual(100);
      expect(p.top + p.height).toBeLessThanOrEqual(40);
    }
  });

  it('never overlaps two placed labels, nor a label and a panel (2 px apart at least), for any set of up to 60 rectangles', () => {
    fc.assert(
      fc.property(requests, (rs) => {
        const card = { left: 560, top: 10, right: 790, bottom: 380 };
        const placed = layoutLabels(rs, 800, 600, { obstacles: [card] }).filter((p) => p.placed).map(box);
        for (const p of placed) expect(boxesOverlap(p, card, 1.999)).toBe(false);
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!, placed[j]!, 1.999)).toBe(false);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('answers one placement per request, in the requests order, the same for any order of the input', () => {
    fc.assert(
      fc.property(requests, fc.integer({ min: 0, max: 1000 }), (rs, shift) => {
        const once = layoutLabels(rs, 800, 600);
        expect(once.map((p) => p.id)).toEqual(rs.map((r) => r.id));
        // The same requests rotated: each label lands in the same place.
        const k = rs.length === 0 ? 0 : shift % rs.length;
        const rotated = layoutLabels([...rs.slice(k), ...rs.slice(0, k)], 800, 600);
        const byId = new Map(rotated.map((p) => [p.id, p]));
        for (const p of once) expect(byId.get(p.id)).toEqual(p);
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
