/**
 * A patterned pallet: slots filled row by row (targets.ts slotOffset). A robot claims a slot when
 * it first needs one in a loop of its program — the lowest free slot to place on, the highest
 * full one to take from — and every target on the pallet resolves to that slot until the claim
 * is used, so the approach, the place and the retreat all go to the same slot. Claims keep two
 * robots off the same slot. No free slot: the pallet is full and a robot that wants to place on
 * it waits (blocked). With `exchangeTime`, a full pallet is swapped for an empty one that long
 * after its last part went on (its parts leave the world).
 */
import type { PalletItem } from '../../model/cell';
import { slotCount } from '../targets';

/** A slot: free, claimed by a robot (to place on or take from), or holding a part. */
export type SlotState = { kind: 'free' } | { kind: 'full'; part: number } | { kind: 'claimed'; robot: string; part: number | null };

/** A pallet's state as plain data. */
export interface PalletState {
  slots: SlotState[];
  /** When a full pallet will be exchanged; Infinity when not scheduled. */
  due: number;
}

/** A patterned pallet (see the module comment). */
export class PalletStack {
  state: PalletState;
  readonly capacity: number;
  /** Called after every change of a slot (the events engine wakes the robots waiting on the pallet). */
  onChange: (() => void) | null = null;

  constructor(readonly item: PalletItem & { pattern: NonNullable<PalletItem['pattern']> }) {
    this.capacity = slotCount(item.pattern);
    this.state = { slots: Array.from({ length: this.capacity }, () => ({ kind: 'free' as const })), due: Infinity };
  }

  get id(): string {
    return this.item.id;
  }

  /** When the pallet will be exchanged (Infinity when not). */
  get due(): number {
    return this.state.due;
  }

  /** Every slot holds a part. Signal `ID.full`. */
  get full(): boolean {
    return this.state.slots.every((s) => s.kind === 'full');
  }

  /** Parts on the pallet, by slot (null where none). */
  parts(): (number | null)[] {
    return this.state.slots.map((s) => (s.kind === 'full' ? s.part : s.kind === 'claimed' ? s.part : null));
  }

  /** Claims the lowest free slot for `robot` to place on; null when there is none. */
  claimToPlace(robot: string): number | null {
    const slot = this.state.slots.findIndex((s) => s.kind === 'free');
    if (slot < 0) return null;
    this.state.slots[slot] = { kind: 'claimed', robot, part: null };
    this.onChange?.();
    return slot;
  }

  /** Claims the highest full slot for `robot` to take from; null when there is none. */
  claimToTake(robot: string): number | null {
    for (let slot = this.capacity - 1; slot >= 0; slot--) {
      const s = this.state.slots[slot]!;
      if (s.kind === 'full') {
        this.state.slots[slot] = { kind: 'claimed', robot, part: s.part };
        this.onChange?.();
        return slot;
      }
    }
    return null;
  }

  /** Gives back a claim that was not used: the slot returns to what it was. */
  unclaim(slot: number): void {
    const s = this.state.slots[slot];
    if (s?.kind !== 'claimed') return;
    this.state.slots[slot] = s.part === null ? { kind: 'free' } : { kind: 'full', part: s.part };
    this.onChange?.();
  }

  /** `part` was put down in claimed `slot` at `time`; a pallet that is now full is due for exchange. */
  fill(slot: number, part: number, time: number): void {
    this.state.slots[slot] = { kind: 'full', part };
    if (this.full && this.item.exchangeTime !== undefined) this.state.due = time + this.item.exchangeTime;
    this.onChange?.();
  }

  /** The part in claimed `slot` was taken. */
  take(slot: number): void {
    this.state.slots[slot] = { kind: 'free' };
    this.onChange?.();
  }

  /** The due exchange: returns the parts that leave with the full pallet; every slot is free again. */
  exchange(): number[] {
    const leaving = this.parts().filter((p): p is number => p !== null);
    this.state = { slots: this.state.slots.map((s) => (s.kind === 'claimed' && s.part === null ? s : { kind: 'free' as const })), due: Infinity };
    this.onChange?.();
    return leaving;
  }
}
