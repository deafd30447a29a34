/**
 * A part source in the bottleneck rule: it paces the cell when the cell takes parts as fast as
 * they come, and is held up (counted as blocked) when the cell is slower than its supply.
 */
import { describe, expect, it } from 'vitest';
import { findBottleneck } from '../../src/sim/kpi/bottleneck';
import { PACE_TOLERANCE, sourceCandidate } from '../../src/sim/kpi/source-pace';

const source = (supplying: number, blocked: number) => ({ id: 'belt/source', kind: 'source', utilization: { supplying, blocked, idle: 1 - supplying - blocked } });
const robot = (busy: number, starved: number) => ({ id: 'robot-1', kind: 'robot', utilization: { 'moving-empty': busy, 'waiting-starved': starved, idle: 1 - busy - starved } });

describe('a part source as a bottleneck candidate', () => {
  it('paces a cell whose cycle equals its 4 s interval, and starves the robot there', () => {
    const c = sourceCandidate(source(1, 0), 4, 4.02);
    expect(c.eligible).toBe(true);
    expect(c.utilization).toEqual({ supplying: 1, blocked: 0, idle: 0 });
    const b = findBottleneck([robot(0.7, 0.3), c]);
    expect(b?.id).toBe('belt/source');
    expect(b?.starved).toEqual([{ id: 'robot-1', share: 0.3 }]);
  });

  it('is held up by a cell that needs 5 s a part from a 4 s supply: blocked 20 %, not the bottleneck', () => {
    const c = sourceCandidate(source(1, 0), 4, 5);
    expect(c.eligible).toBe(false);
    expect(c.utilization?.['blocked']).toBeCloseTo(0.2, 12);
    expect(c.utilization?.['supplying']).toBeCloseTo(0.8, 12);
    const b = findBottleneck([robot(1, 0), c]);
    expect(b?.id).toBe('robot-1');
    expect(b?.blocked[0]?.id).toBe('belt/source');
    expect(b?.blocked[0]?.share).toBeCloseTo(0.2, 12);
  });

  it('keeps the time it really waited for its spot when that is more than the rate gap', () => {
    const c = sourceCandidate(source(0.6, 0.4), 4, 5);
    expect(c.utilization?.['blocked']).toBeCloseTo(0.4, 12);
    expect(c.eligible).toBe(false);
  });

  it('is not the bottleneck just past the tolerance, nor without a measured cycle', () => {
    expect(sourceCandidate(source(1, 0), 4, 4 * (1 + PACE_TOLERANCE) + 1e-9).eligible).toBe(false);
    expect(sourceCandidate(source(1, 0), 4, null).eligible).toBe(false);
  });
});
