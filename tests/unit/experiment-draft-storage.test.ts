/**
 * The Experiment form kept across reloads: what was stored comes back as it was, new factors
 * never reuse a stored factor's key, and anything that is not a stored form (bad JSON, a factor
 * without a pointer, a storage that throws) is ignored so the page starts with an empty form.
 */
import { describe, expect, it } from 'vitest';
import { addFactor, emptyDraft, factorFromField } from '../../src/ui/experiment/draft';
import { DRAFT_KEY, loadDraft, parseStoredDraft, saveDraft } from '../../src/ui/experiment/draft-storage';

/** A Map-backed stand-in for localStorage. */
const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

const speed = () => factorFromField({ pointer: '/items/infeed/speed', label: 'Belt speed', value: 0.25, unit: 'mm/s' });

describe('the stored experiment form', () => {
  it('comes back as it was stored', () => {
    const store = memory();
    const draft = { ...addFactor(emptyDraft(), speed()), replications: 5, duration: 1800, name: 'Belt study' };
    saveDraft(store, draft);
    expect(loadDraft(store)).toEqual(draft);
  });

  it('never gives a new factor the key of a stored one', () => {
    const store = memory();
    const stored = { ...emptyDraft(), factors: [{ ...speed(), key: 5000 }] };
    store.setItem(DRAFT_KEY, JSON.stringify(stored));
    expect(loadDraft(store)?.factors[0]?.key).toBe(5000);
    expect(speed().key).toBeGreaterThan(5000);
  });

  it('is ignored when it is not a form', () => {
    expect(parseStoredDraft(null)).toBeNull();
    expect(parseStoredDraft('{"factors": [')).toBeNull();
    expect(parseStoredDraft('[]')).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...emptyDraft(), factors: [{ ...speed(), pointer: 'items/infeed/speed' }] }))).toBeNull();
    expect(parseStoredDraft(JSON.stringify({ ...emptyDraft(), kpis: [1] }))).toBeNull();
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(loadDraft(throwing)).toBeNull();
  });

  it('fills settings it does not hold with the defaults', () => {
    const d = parseStoredDraft(JSON.stringify({ factors: [], kpis: ['throughputUph'], duration: 'long' }));
    expect(d).toEqual({ ...emptyDraft(), kpis: ['throughputUph'] });
  });
});
