/**
 * Issue 13 benchmark: a URDF with 50,000 sibling joints (one base, 50,000 fixed children) read
 * into a RobotDescription, against saxes alone parsing the same text. The tree code used to copy
 * the sibling list per joint (quadratic: 46 s); it is linear now, and the target is under 2 s,
 * which the notes column states against the measured time.
 */
import { SaxesParser } from 'saxes';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { defineCase } from '../harness';

const JOINTS = 50_000;

/** `<robot>` with a base link and JOINTS fixed joints, each to its own child link. */
function siblingsUrdf(n: number): string {
  const parts = ['<robot name="siblings">', '<link name="base"/>'];
  for (let i = 0; i < n; i++) {
    parts.push(`<link name="l${i}"/>`, `<joint name="j${i}" type="fixed"><parent link="base"/><child link="l${i}"/></joint>`);
  }
  parts.push('</robot>');
  return parts.join('\n');
}

export default defineCase({
  name: `URDF: ${JOINTS.toLocaleString('en-US')} sibling joints → RobotDescription`,
  ours: 'parseUrdf(text): XML tree, links, joints, tree order (src/io/urdf)',
  reference: 'saxes parsing the same text with no handlers',
  rounds: 5,
  warmupRounds: 1,
  setup() {
    const text = siblingsUrdf(JOINTS);
    const check = parseUrdf(text, 'siblings.urdf');
    if (check.robot.joints.length !== JOINTS) throw new Error(`expected ${JOINTS} joints, got ${check.robot.joints.length}`);
    return {
      ours: () => parseUrdf(text, 'siblings.urdf'),
      reference: () => new SaxesParser({ xmlns: false, position: true }).write(text).close(),
    };
  },
  notes: (row) => `${(row.ours_ms / 1000).toFixed(2)} s per read (target < 2 s; was 46 s)`,
});
