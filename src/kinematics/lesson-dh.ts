/**
 * Checker of the "read the DH table" lesson: the student reads one length (a or d) of one row
 * of the robot's DH table, as the kinematics view derives it from the URDF, and types it in mm.
 * Pure over the robot description and the answer, so the page and the tests run the same check.
 */
import type { RobotDescription } from '../model/robot-description';
import type { DhDerivation } from './dh';
import { deriveDh } from './dh-derive';
import { ForwardKinematics } from './forward';

/** What the lesson asks for: parameter `parameter` of row `row` (1-based) in `convention`. */
export interface DhParameterCheck {
  kind: 'dh-parameter';
  convention: 'standard' | 'modified';
  row: number;
  parameter: 'a' | 'd';
  /** Largest difference (mm) between the answer and the table that counts as right. */
  maxErrorMm: number;
}

/** The verdict on one answer. */
export interface DhAnswerVerdict {
  passed: boolean;
  message: string;
  /** The table's value (m), NaN when the chain has no DH table. */
  measure: number;
}

// The table depends on the robot only, and the page judges on every jog step: derive it once.
const derived = new WeakMap<RobotDescription, Map<string, DhDerivation>>();

function derivation(robot: RobotDescription, base: string, tip: string): DhDerivation {
  let byChain = derived.get(robot);
  if (!byChain) derived.set(robot, (byChain = new Map()));
  const key = `${base} ${tip}`;
  let dh = byChain.get(key);
  if (!dh) byChain.set(key, (dh = deriveDh(robot, new ForwardKinematics(robot), base, tip)));
  return dh;
}

const sub = (n: number): string => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
const mm = (m: number): string => `${Number((m * 1000).toFixed(2))} mm`;

/**
 * Judges `answer` (m, or null before the student typed a number) against the DH table of the
 * chain `base` → `tip`. A wrong answer that is another length of the same table is named, so a
 * student who read the wrong cell learns which one it was.
 */
export function checkDhAnswer(robot: RobotDescription, base: string, tip: string, check: DhParameterCheck, answer: number | null): DhAnswerVerdict {
  const dh = derivation(robot, base, tip);
  if (!dh.ok) return { passed: false, measure: Number.NaN, message: `${robot.name} has no DH table: ${dh.note}` };
  const table = dh[check.convention];
  const row = table.rows[check.row - 1];
  if (!row) return { passed: false, measure: Number.NaN, message: `${robot.name}: the DH table has ${table.rows.length} rows, the lesson asks for row ${check.row}` };
  // Craig's (modified) table writes a row's a as a₍ᵢ₋₁₎: the normal from the previous axis.
  const nameOf = (p: 'a' | 'd', row: number) => `${p}${sub(p === 'a' && check.convention === 'modified' ? row - 1 : row)}`;
  const name = nameOf(check.parameter, check.row);
  const expected = row[check.parameter];
  if (answer === null) return { passed: false, measure: expected, message: `Not yet: type ${name} in mm.` };
  const error = Math.abs(answer - expected) * 1000;
  if (error <= check.maxErrorMm) {
    const [from, to] = check.convention === 'standard' ? [check.row, check.row + 1] : [check.row - 1, check.row];
    const meaning = check.parameter === 'd' ? `the distance along axis ${check.row} between the common normals on either side of it` : `the length of the common normal from axis ${from} to axis ${to}`;
    return { passed: true, measure: expected, message: `${name} = ${mm(expected)} (${check.convention} convention): ${meaning}. Rebuilt with the other rows, the table gives the same flange pose as the URDF to 1e-9 m.` };
  }
  // Another cell of the table with this value: say which, as a teacher would.
  const other = table.rows
    .flatMap((r, i) => (['a', 'd'] as const).map((p) => ({ label: nameOf(p, i + 1), value: r[p] })))
    .find((c) => c.label !== name && Math.abs(c.value) > 1e-6 && Math.abs(answer - c.value) * 1000 <= check.maxErrorMm);
  if (other) return { passed: false, measure: expected, message: `Not yet: ${mm(answer)} is ${other.label} in the ${check.convention} table, not ${name}.` };
  return { passed: false, measure: expected, message: `Not yet: ${mm(answer)} is not ${name} (within ${check.maxErrorMm} mm counts). Check the convention and the row.` };
}
