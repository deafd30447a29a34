/**
 * `celltwin run --timeline FILE` (issue 11 item 6) on the two-robot assembly template, whose
 * robots share the press-fit nest through the zone `nest-zone`: the file lists every interval
 * with its program step, every zone hold and every part's route, and the holds show the
 * interlock working — never two robots in the zone at once, and each robot's work inside the
 * nest falls inside its own holds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { zoneOverlaps, type TimelineFile } from '../../src/sim/kpi/timeline-file';
import { REPO_ROOT } from './corpus-helpers';

const scratch = mkdtempSync(join(tmpdir(), 'celltwin-timeline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const UNTIL = 40;
let timeline: TimelineFile;
let report: { partsFinished: number; robots: Array<{ id: string }> };

beforeAll(async () => {
  const file = join(scratch, 'assembly.timeline.json');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['run', 'assets/cells/templates/assembly.cell.json', '--until', String(UNTIL), '--timeline', file, '--json'], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: REPO_ROOT,
  });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  report = JSON.parse(out.join('\n'));
  timeline = JSON.parse(readFileSync(file, 'utf8'));
}, 120_000);

describe('the zone overlap check', () => {
  it('finds two robots in one zone at once, and not holds that touch end to start', () => {
    const a = { zone: 'z', robot: 'a', start: 0, end: 2 };
    expect(zoneOverlaps([a, { zone: 'z', robot: 'b', start: 1.5, end: 3 }])).toHaveLength(1);
    expect(zoneOverlaps([a, { zone: 'z', robot: 'b', start: 2, end: 3 }])).toEqual([]);
    expect(zoneOverlaps([a, { zone: 'y', robot: 'b', start: 1, end: 3 }])).toEqual([]);
  });
});

describe('the timeline of the two-robot assembly cell', () => {
  it('has the three sections, with a step path on every robot interval', () => {
    expect(Object.keys(timeline)).toEqual(['duration', 'intervals', 'zones', 'parts']);
    expect(timeline.duration).toBe(UNTIL);
    const robotIntervals = timeline.intervals.filter((iv) => iv.resource === 'robot-l' || iv.resource === 'robot-r');
    expect(robotIntervals.length).toBeGreaterThan(20);
    for (const iv of robotIntervals) expect(iv.step).toMatch(/^programs\[[01]\]\.steps\[\d+\]$/);
    expect(timeline.intervals.find((iv) => iv.label === 'press-fit bearing')?.step).toBe('programs[0].steps[11]');
  });

  it('covers each robot from 0 to the end without gaps or overlaps', () => {
    for (const robot of ['robot-l', 'robot-r']) {
      const ivs = timeline.intervals.filter((iv) => iv.resource === robot);
      expect(ivs[0]!.start).toBe(0);
      for (let i = 1; i < ivs.length; i++) expect(ivs[i]!.start).toBeCloseTo(ivs[i - 1]!.end, 6);
      expect(ivs[ivs.length - 1]!.end).toBe(UNTIL);
    }
  });

  it('shows the nest zone taken in turns, never held by two robots at once', () => {
    const holds = timeline.zones.filter((z) => z.zone === 'nest-zone');
    expect(new Set(holds.map((h) => h.robot))).toEqual(new Set(['robot-l', 'robot-r']));
    expect(holds.length).toBeGreaterThanOrEqual(4);
    expect(zoneOverlaps(timeline.zones)).toEqual([]);
    // Handed over in turns: loader, assembler, loader, …
    holds.forEach((h, i) => expect(h.robot).toBe(i % 2 === 0 ? 'robot-l' : 'robot-r'));
  });

  it('puts each robot\'s work in the nest inside its own holds of the zone', () => {
    const inNest = [
      { robot: 'robot-l', label: 'press-fit bearing' },
      { robot: 'robot-r', label: 'drive screw 1' },
      { robot: 'robot-r', label: 'drive screw 2' },
    ];
    for (const { robot, label } of inNest) {
      const work = timeline.intervals.filter((iv) => iv.resource === robot && iv.label === label);
      expect(work.length).toBeGreaterThan(0);
      for (const w of work) {
        const held = timeline.zones.some((z) => z.zone === 'nest-zone' && z.robot === robot && z.start <= w.start && w.end <= z.end);
        expect(held, `${robot} ${label} at ${w.start} s`).toBe(true);
      }
    }
  });

  it('follows every finished part from the infeed through both robots to the outfeed', () => {
    const finished = timeline.parts.filter((p) => p.finished !== null);
    expect(finished.length).toBe(report.partsFinished);
    expect(finished.length).toBeGreaterThanOrEqual(1);
    for (const p of finished) {
      expect(p.route.map((s) => `${s.event} ${s.at}`)).toEqual(['created infeed', 'picked robot-l', 'placed robot-l', 'picked robot-r', 'placed robot-r', 'finished outfeed']);
      const times = p.route.map((s) => s.time);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(p.created).toBe(times[0]);
      expect(p.finished).toBe(times[times.length - 1]);
    }
  });
});
