/**
 * Belt-to-belt handover on the events engine (sim/events/part-world.ts dropOffEnd): a part whose
 * centre reaches the end of a belt that meets another belt at the same height is put on that
 * belt there and then, and rides on at its speed; a belt that ends above a lower one drops the
 * part onto it in free-fall time. Both checked against closed forms: length / speed on each belt,
 * √(2h/g) for the fall, the sink finishing a part when its centre is half its length from the end.
 */
import { describe, expect, it } from 'vitest';
import { loadSimulationRobots } from '../../src/cli/commands/run';
import { emptyCell, type Cell } from '../../src/model/cell';
import { EventSimulation } from '../../src/sim/events/event-simulation';
import type { PartFinishedEvent, SimEvent } from '../../src/sim/events';

/** Infeed: 1 m at 0.2 m/s, x ∈ [−0.5, 0.5]. Outfeed (a sink): 0.8 m at 0.1 m/s from x = 0.5, its top `drop` lower. */
const A = { length: 1, speed: 0.2 };
const B = { length: 0.8, speed: 0.1 };
const PART = { hx: 0.05, hz: 0.025 };

function twoBelts(drop: number): Cell {
  const cell = emptyCell('Two belts end to start');
  cell.floor = { width: 4, depth: 2 };
  cell.items = [
    {
      id: 'infeed', name: 'Infeed', type: 'conveyor', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, length: A.length, width: 0.2, height: 0.75, speed: A.speed,
      source: { part: { shape: { type: 'box', size: [2 * PART.hx, 0.1, 2 * PART.hz] }, mass: 0.3 }, interval: 100, count: 1 },
    },
    { id: 'outfeed', name: 'Outfeed', type: 'conveyor', pose: { xyz: [A.length / 2 + B.length / 2, 0, 0], rpy: [0, 0, 0] }, length: B.length, width: 0.2, height: 0.75 - drop, speed: B.speed, sink: true },
  ];
  return cell;
}

async function finishTime(cell: Cell): Promise<number> {
  const sim = new EventSimulation(cell, await loadSimulationRobots(cell));
  sim.runUntil(30);
  const done = sim.drainEvents().filter((e: SimEvent): e is PartFinishedEvent => e.type === 'part-finished');
  expect(done.map((e) => [e.part, e.sink])).toEqual([['infeed/part-1', 'outfeed']]);
  return done[0]!.time;
}

/** When the part's centre reaches the infeed's end: it starts 5 mm past its own half length from the start. */
const atEnd = (A.length - PART.hx - 0.005) / A.speed;

describe('a part reaching the end of a belt', () => {
  it('is handed over to the belt its end meets at that instant, and rides the whole length of the next one', async () => {
    // Centre at the outfeed's start (x = −0.4) at the handover; the sink takes it at 0.4 − hx.
    const expected = atEnd + (B.length - PART.hx) / B.speed;
    expect(await finishTime(twoBelts(0))).toBeCloseTo(expected, 9);
  });

  it('drops onto a belt 5 cm lower in free-fall time, landing just past the end', async () => {
    const h = 0.05;
    // Let go 1 mm past its half length beyond the end, it lands √(2h/g) later and rides the rest.
    const landsAt = -B.length / 2 + PART.hx + 0.001;
    const expected = atEnd + Math.sqrt((2 * h) / 9.81) + (B.length / 2 - PART.hx - landsAt) / B.speed;
    expect(await finishTime(twoBelts(h))).toBeCloseTo(expected, 9);
  });
});
