import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { emptyCell, type Cell } from '../../src/model/cell';
import { createSimulation } from '../../src/physics/create-simulation';
import { initRapier } from '../../src/physics/rapier';
import { Rng } from '../../src/sim/rng';
import type { Simulation } from '../../src/sim/simulation';

/** A one-joint robot whose arm collides through a mesh: the case the convex hull path serves. */
const URDF = `<?xml version="1.0"?>
<robot name="meshbot">
  <link name="base_link"><collision><origin xyz="0 0 0.05"/><geometry><box size="0.2 0.2 0.1"/></geometry></collision></link>
  <joint name="turn" type="revolute">
    <parent link="base_link"/><child link="arm"/><origin xyz="0 0 0.1"/><axis xyz="0 0 1"/>
    <limit lower="-3" upper="3" velocity="1" effort="1"/>
  </joint>
  <link name="arm"><collision><origin xyz="0.5 0 0"/><geometry><mesh filename="package://meshbot/arm.stl" scale="1 1 2"/></geometry></collision></link>
</robot>`;

/** 6,000 points filling a 0.6 × 0.1 × 0.05 m block (scaled ×2 in z by the URDF): thinned, then hulled. */
function blockVertices(): Float32Array {
  const rng = new Rng(3);
  const pts: number[] = [];
  for (const x of [-0.3, 0.3]) for (const y of [-0.05, 0.05]) for (const z of [-0.025, 0.025]) pts.push(x, y, z);
  while (pts.length < 3 * 6000) pts.push(rng.uniform(-0.3, 0.3), rng.uniform(-0.05, 0.05), rng.uniform(-0.025, 0.025));
  return Float32Array.from(pts);
}

function meshCell(): Cell {
  const cell = emptyCell('mesh robot');
  cell.items.push({ id: 'robot-1', name: 'Mesh robot', type: 'robot', pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, source: { type: 'embedded', fileName: 'meshbot.urdf', urdf: URDF }, tool: null });
  // A box dropped over the arm: it lands on the hull's top face (z = 0.1 + 0.05) if there is one.
  cell.parts = [{ id: 'box', shape: { type: 'box', size: [0.1, 0.1, 0.1] }, mass: 0.5, pose: { xyz: [0.5, 0, 0.4], rpy: [0, 0, 0] } }];
  return cell;
}

const live: Simulation[] = [];
beforeAll(async () => {
  await initRapier();
});
afterEach(() => {
  for (const sim of live.splice(0)) sim.free();
});
const build = async (meshVertices?: (file: string) => Float32Array | undefined) => {
  const robot = parseUrdf(URDF, 'meshbot.urdf').robot;
  const sim = await createSimulation(meshCell(), { robots: new Map([['robot-1', robot]]) }, meshVertices ? { meshVertices } : {});
  live.push(sim);
  return sim;
};

describe('collision meshes', () => {
  it('collide as the convex hull of the vertices the caller supplies (thinned when large)', async () => {
    const asked: string[] = [];
    const sim = await build((file) => (asked.push(file), blockVertices()));
    expect(asked).toEqual(['package://meshbot/arm.stl']);
    expect(sim.warnings).toEqual([]);
    sim.runUntil(1.5);
    expect(sim.bodyPose('box')![2]).toBeCloseTo(0.15 + 0.05, 2);
  });

  it('are left out with a warning when no vertices are supplied (the box falls to the floor)', async () => {
    const sim = await build();
    expect(sim.warnings).toEqual(['robot-1/arm: no vertices for collision mesh "package://meshbot/arm.stl"; that shape does not collide']);
    sim.runUntil(1.5);
    expect(sim.bodyPose('box')![2]).toBeCloseTo(0.05, 2);
  });
});
