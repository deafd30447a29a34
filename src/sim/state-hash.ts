/**
 * A short fingerprint of the simulation state, for determinism tests: two runs that hash the same
 * have every body within a micrometre (and every rotation within 1e-6) of each other at the same
 * step. Rapier's tests hash snapshots the same way to catch divergence.
 *
 * Floats are rounded to integers before hashing (position in µm, quaternion and joint values in
 * millionths) so that the hash never depends on how an engine prints a float, and so that −0
 * and +0 hash alike. The hash is FNV-1a (32-bit) over the little-endian bytes of those integers.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Rounding scale for positions (metres → micrometres) and for unitless values. */
export const HASH_SCALE = 1e6;

/** Accumulates integers and rounded floats into an FNV-1a hash. */
export class StateHasher {
  private h = FNV_OFFSET;

  /** Adds the low 32 bits of an integer. */
  addInt(n: number): this {
    let h = this.h;
    for (let shift = 0; shift < 32; shift += 8) {
      h ^= (n >>> shift) & 0xff;
      h = Math.imul(h, FNV_PRIME);
    }
    this.h = h;
    return this;
  }

  /**
   * Adds `x` rounded to a multiple of 1/`scale`. Values beyond ±2³¹/scale wrap, which is fine
   * for a fingerprint; NaN and ±Infinity hash as distinct markers.
   */
  addFloat(x: number, scale = HASH_SCALE): this {
    if (Number.isNaN(x)) return this.addInt(0x7fc00000);
    if (!Number.isFinite(x)) return this.addInt(x > 0 ? 0x7f800000 : 0xff800000);
    const r = Math.round(x * scale);
    // Split so that values past 32 bits still change the hash.
    this.addInt(r | 0);
    return this.addInt(Math.floor(r / 4294967296) | 0);
  }

  /** Adds a string's UTF-16 code units. */
  addString(s: string): this {
    this.addInt(s.length);
    for (let i = 0; i < s.length; i++) this.addInt(s.charCodeAt(i));
    return this;
  }

  /** The hash as 8 hex digits. */
  digest(): string {
    return (this.h >>> 0).toString(16).padStart(8, '0');
  }
}
