/**
 * The cell behind the frame-time benchmark (bench/cases/support/scale-cell.ts): the app must
 * accept it, draw nothing the bare three.js page lacks (no clash outlines, no reach rings), leave
 * its parts where they lie, and hand the reference page the very same robots and boxes.
 */
import { describe, expect, it } from 'vitest';
import { scaleCell, scaleSceneSpec, SCALE } from '../../bench/cases/support/scale-cell';
import { decodeShareFragment, encodeShareFragment } from '../../src/io/share-link';
import { readCell, type RobotItem } from '../../src/model';
import { checkLayout, robotReach } from '../../src/tools/layout-checks';

const cell = scaleCell();
const robots = cell.items.filter((i): i is RobotItem => i.type === 'robot');

describe('the frame-time bench cell', () => {
  it('is a valid cell of 50 bundled robots, all six library models, and 200 box parts', () => {
    const read = readCell(JSON.stringify(cell));
    expect(read.ok).toBe(true);
    expect(robots).toHaveLength(50);
    expect(new Set(robots.map((r) => (r.source.type === 'bundled' ? r.source.id : '')))).toEqual(
      new Set(['ur5e', 'ur10e', 'kuka_kr6_r900_sixx', 'abb_irb120', 'fanuc_lrmate200id', 'yaskawa_gp7']),
    );
    expect(cell.parts).toHaveLength(SCALE.robots * SCALE.partsPerCluster);
    expect(cell.parts!.every((p) => p.shape.type === 'box')).toBe(true);
  });

  it('has no clashing items and no overlapping reach discs, so the app draws no red outlines or rings', () => {
    const report = checkLayout(cell);
    expect(report.intersections).toEqual([]);
    expect(report.reachOverlaps).toEqual([]);
  });

  it('puts every part beyond the reach of every robot, so one simulation step leaves the parts in place', () => {
    let closest = Infinity;
    for (const part of cell.parts!) {
      for (const robot of robots) {
        const gap = Math.hypot(part.pose.xyz[0] - robot.pose.xyz[0], part.pose.xyz[1] - robot.pose.xyz[1]) - robotReach(robot)!;
        closest = Math.min(closest, gap);
      }
    }
    // The nearest part stands 1.70 m − 0.25 m = 1.45 m from a robot base; the UR10e reaches 1.3 m.
    expect(closest).toBeGreaterThan(0.1);
  });

  it('survives its share link unchanged', () => {
    const back = decodeShareFragment(encodeShareFragment(cell));
    expect(back.kind).toBe('cell');
    if (back.kind === 'cell') expect(back.cell).toEqual(cell);
  });

  it('gives the bare three.js page the same robots, joint values by name and boxes', () => {
    const spec = scaleSceneSpec(cell);
    expect(Object.keys(spec.urdfs)).toHaveLength(6);
    expect(spec.robots).toHaveLength(50);
    spec.robots.forEach((r, k) => {
      const item = robots[k]!;
      expect(r.xyz).toEqual(item.pose.xyz);
      expect(r.rpy).toEqual(item.pose.rpy);
      expect(Object.values(r.joints)).toEqual(item.joints);
    });
    expect(spec.parts.map((p) => p.xyz)).toEqual(cell.parts!.map((p) => p.pose.xyz));
  });
});
