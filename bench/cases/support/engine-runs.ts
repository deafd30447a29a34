/**
 * Engine benchmark rows (issue 11): the events engine against the physics engine on the same
 * cell, in simulated seconds per wall second on one core.
 *
 * - ours: the events engine (sim/events) runs `eventsSeconds` from t = 0 — an 8 h shift (28,800 s)
 *   for the templates — draining events once per simulated minute, as a long CLI run does, with
 *   the collision checks of robot moves on (fixtures, parts, other robots), as the CLI runs it;
 * - reference: the physics engine (the fixed-step Rapier loop) runs `physicsSeconds` from t = 0,
 *   a much shorter span, because an hour of it takes minutes: its rate is the rate of the first
 *   minutes (it slows down as queues fill, so an hour's average is lower still).
 *
 * The spans differ, so the ratio column compares calls, not rates; the notes give both rates
 * (simulated s per wall s) and their quotient, and — measured once in setup — the events
 * engine's rate over the first and over the last hour of the shift (the aim: the last hour no
 * slower than the first by more than 10 %).
 */
import { performance } from 'node:perf_hooks';
import type { Cell } from '../../../src/model/cell';
import { createEngine } from '../../../src/physics/create-engine';
import { loadSimulationRobots } from '../../../src/cli/commands/run';
import { defineCase, type BenchCase, type BenchRow } from '../../harness';
import { simulate } from './sim-cells';

/** An 8-hour shift (s). */
export const SHIFT_SECONDS = 8 * 3600;

/** Options of an engine row. */
export interface EngineRunOptions {
  name: string;
  cell: () => Cell;
  /** Simulated seconds per call of the events engine. */
  eventsSeconds: number;
  /** Simulated seconds per call of the physics engine. */
  physicsSeconds: number;
  /** Measure the first and the last hour of the events run (only when eventsSeconds ≥ 2 h). */
  hours?: boolean;
  rounds?: number;
}

/** Runs a fresh events-engine simulation for `seconds`; returns the wall seconds of its first and last hour. */
async function runEvents(cell: Cell, robots: Awaited<ReturnType<typeof loadSimulationRobots>>, seconds: number): Promise<{ first: number; last: number }> {
  // As `celltwin run` builds it: with Rapier checking every robot move for collisions.
  const sim = await createEngine(cell, robots, { engine: 'events' });
  let first = 0, last = 0;
  let hourStart = performance.now();
  for (let t = 60; t <= seconds; t += 60) {
    sim.runUntil(t);
    sim.drainEvents();
    if (t % 3600 === 0) {
      const now = performance.now();
      if (t === 3600) first = (now - hourStart) / 1000;
      if (t === seconds) last = (now - hourStart) / 1000;
      hourStart = now;
    }
  }
  sim.runUntil(seconds);
  sim.activityLog();
  sim.free();
  return { first, last };
}

/** A row: events engine for `eventsSeconds` against physics for `physicsSeconds`. */
export function engineRunCase(o: EngineRunOptions): BenchCase {
  return defineCase({
    name: o.name,
    ours: `events engine, ${o.eventsSeconds} simulated s from t = 0`,
    reference: `physics engine (Rapier, fixed step), ${o.physicsSeconds} simulated s from t = 0`,
    rounds: o.rounds ?? 3,
    warmupRounds: 1,
    async setup() {
      const cell = o.cell();
      const robots = await loadSimulationRobots(cell);
      const metrics: Record<string, number> = { eventsSeconds: o.eventsSeconds, physicsSeconds: o.physicsSeconds };
      if (o.hours && o.eventsSeconds >= 7200) {
        const { first, last } = await runEvents(cell, robots, o.eventsSeconds);
        metrics['firstHourRate'] = 3600 / first;
        metrics['lastHourRate'] = 3600 / last;
      }
      return {
        ours: () => runEvents(cell, robots, o.eventsSeconds),
        reference: async () => {
          const sim = await simulate(cell);
          for (let t = 1; t <= o.physicsSeconds; t++) {
            sim.runUntil(t);
            sim.drainEvents();
          }
          sim.free();
        },
        metrics,
      };
    },
    notes: (row: BenchRow) => engineNotes(row),
  });
}

/** The notes of an engine row: both rates, their quotient, and the shift's first vs last hour. */
export function engineNotes(row: BenchRow): string {
  const m = row.metrics ?? {};
  const events = (m['eventsSeconds'] ?? 0) / (row.ours_ms / 1000);
  const physics = (m['physicsSeconds'] ?? 0) / (row.reference_ms / 1000);
  const parts = [`events ${events.toFixed(0)}× real time`, `physics ${physics.toFixed(1)}×`, `events/physics ${(events / physics).toFixed(0)}×`];
  if (m['firstHourRate'] !== undefined && m['lastHourRate'] !== undefined) {
    parts.push(`hour 1 ${m['firstHourRate'].toFixed(0)}×, hour 8 ${m['lastHourRate'].toFixed(0)}× (${((m['lastHourRate'] / m['firstHourRate'] - 1) * 100).toFixed(0)} %)`);
  }
  return parts.join(', ');
}
