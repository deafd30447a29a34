/** Text formatting of the kinematics view (the measures themselves are in kinematics/manipulability.ts). */

/** A 4×4 column-major transform as four text rows, rotation to 4 decimals, translation in mm. */
export function formatTransform(m: ArrayLike<number>): string[] {
  const f = (v: number, d: number) => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d).padStart(d + 5);
  return [0, 1, 2, 3].map((r) => [0, 1, 2].map((c) => f(m[4 * c + r]!, 4)).concat(f(m[12 + r]! * (r < 3 ? 1000 : 1), r < 3 ? 2 : 0)).join(' '));
}
