/**
 * A seeded pseudo-random generator for the kinematics (IK restarts, reach sampling). The
 * simulation must give the same numbers in Node and in the browser for the same seed, so
 * nothing here ever reads `Math.random`.
 */

/**
 * mulberry32: a tiny, fast generator of floats in [0, 1) with a 32-bit state. Good enough for
 * restart seeds and point clouds; not for cryptography.
 *
 * @param seed any number; only its low 32 bits matter.
 * @returns a function giving the next float in [0, 1) on each call.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
