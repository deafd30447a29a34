/**
 * The simulation's only source of randomness: a small seeded generator whose whole state is four
 * 32-bit integers, so a snapshot can store it and a restored run draws the same numbers.
 * `Math.random` is never used by the core (docs/ARCHITECTURE.md, "Determinism").
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, public domain): integer
 * arithmetic only, so it gives the same sequence in every JavaScript engine. The seed is spread
 * over the state with splitmix32 and the first outputs are discarded, as PractRand advises.
 */

/** The generator's state: four unsigned 32-bit integers. */
export type RngState = [number, number, number, number];

/** A seeded pseudo-random number generator (sfc32). */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** A generator for `seed` (any integer; only its low 32 bits count). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A number in [0, 1) with 32 random bits. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A number in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A copy of the state, for snapshots. */
  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  /** Puts the generator back into a state taken with {@link state}. */
  restore(state: Readonly<RngState>): void {
    [this.a, this.b, this.c, this.d] = state.map((v) => v >>> 0) as RngState;
  }
}
