import { describe, expect, it } from 'vitest';
import { FRAME_BODY_FLOATS, FRAME_HEADER_FLOATS, readFrame } from '../../src/sim/frame-layout';
import { readCellFile, useSimulations } from './support/sim-fixtures';

const build = useSimulations();

describe('the frame for the renderer', () => {
  it('lists every live body with its pose, then the joint values, as the layout says', async () => {
    const sim = await build(readCellFile('tests/fixtures/sim-pick-place.cell.json'));
    sim.runUntil(1);
    const frame = new Float32Array(sim.frameLength());
    const count = sim.writeFrame(frame);
    const decoded = readFrame(frame);
    expect(decoded.time).toBeCloseTo(1, 6);
    expect(decoded.step).toBe(240);
    expect(decoded.bodies).toHaveLength(count);
    expect(count).toBe(sim.bodies().length);
    expect(frame.length).toBe(FRAME_HEADER_FLOATS + FRAME_BODY_FLOATS * count + 6);
    for (const body of decoded.bodies) {
      const info = sim.bodies()[body.id]!;
      const pose = sim.bodyPose(info.name)!;
      body.position.forEach((v, i) => expect(v).toBeCloseTo(pose[i]!, 5));
      body.quaternion.forEach((v, i) => expect(v).toBeCloseTo(pose[3 + i]!, 5));
    }
    expect(decoded.joints).toEqual(Array.from(sim.jointValues('robot-1'), (v) => Math.fround(v)));
    expect(sim.jointLayout()).toEqual([
      { robot: 'robot-1', joints: ['shoulder_pan_joint', 'shoulder_lift_joint', 'elbow_joint', 'wrist_1_joint', 'wrist_2_joint', 'wrist_3_joint'] },
    ]);
  });

  it('names bodies the way events do: items by id, links as robot/link, tool links as robot/tool/link', async () => {
    const sim = await build(readCellFile('tests/fixtures/sim-pick-place.cell.json'));
    const names = sim.bodies().map((b) => `${b.kind}:${b.name}`);
    expect(names.slice(0, 4)).toEqual(['fixture:floor', 'fixture:pedestal', 'fixture:table-a', 'fixture:table-b']);
    expect(names).toContain('link:robot-1/base_link');
    expect(names).toContain('link:robot-1/wrist_3_link');
    expect(names).toContain('link:robot-1/tool/base_link');
    expect(names.at(-1)).toBe('part:box-1');
  });

  it('grows as parts appear, and refuses a buffer that is too short', async () => {
    const sim = await build(readCellFile('tests/fixtures/sim-conveyor.cell.json'));
    const before = sim.frameLength();
    sim.runUntil(1.5);
    expect(sim.frameLength()).toBe(before + FRAME_BODY_FLOATS);
    expect(() => sim.writeFrame(new Float32Array(before))).toThrow(RangeError);
  });
});
