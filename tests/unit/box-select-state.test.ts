/**
 * The box-select tool's states, driven as the scene drives them: when a press starts a box
 * (and when it leaves the press to the orbit controls or to a click on an item), how a press
 * becomes a box, and what a release means.
 */
import { describe, expect, it } from 'vitest';
import { BOX_DRAG_THRESHOLD_PX, IDLE, cancelBox, moveBox, pressBox, releaseBox, toggleArmed, wantsBox } from '../../src/tools/box-select-state';

const press = { button: 0, shiftKey: true, overHandle: false };
const nothingUnder = () => false;
const itemUnder = () => true;

describe('the box-select tool', () => {
  it('starts on Shift + left press over empty floor, and only then when not armed', () => {
    expect(wantsBox(IDLE, press, nothingUnder)).toBe(true);
    expect(wantsBox(IDLE, press, itemUnder)).toBe(false); // Shift+click on an item adds it instead
    expect(wantsBox(IDLE, { ...press, shiftKey: false }, nothingUnder)).toBe(false); // a plain drag orbits
    expect(wantsBox(IDLE, { ...press, button: 2 }, nothingUnder)).toBe(false); // right-drag pans
    expect(wantsBox(IDLE, { ...press, overHandle: true }, nothingUnder)).toBe(false); // Shift+drag on a handle moves freely
  });

  it('once armed (B), starts on any left press, over an item too, without asking what is under it', () => {
    const armed = toggleArmed(IDLE);
    expect(armed.armed).toBe(true);
    let asked = 0;
    expect(wantsBox(armed, { ...press, shiftKey: false }, () => (asked++, true))).toBe(true);
    expect(asked).toBe(0);
    expect(toggleArmed(armed).armed).toBe(false);
  });

  it(`stays a press until the pointer moves ${BOX_DRAG_THRESHOLD_PX} px, then follows it as a box`, () => {
    let s = pressBox(toggleArmed(IDLE), 100, 100, false);
    s = moveBox(s, 102, 102); // 2.8 px: still a press
    expect(s.phase.kind).toBe('pressed');
    s = moveBox(s, 103, 103); // 4.2 px
    expect(s.phase).toEqual({ kind: 'dragging', rect: { x0: 100, y0: 100, x1: 103, y1: 103 }, additive: false });
    s = moveBox(s, 60, 180);
    expect(s.phase).toEqual({ kind: 'dragging', rect: { x0: 100, y0: 100, x1: 60, y1: 180 }, additive: false });
  });

  it('releases a box as a crossing when dragged right → left, keeps Shift as "add", and ends idle and disarmed', () => {
    let s = pressBox(toggleArmed(IDLE), 300, 100, true);
    s = moveBox(s, 200, 150);
    const { state, outcome } = releaseBox(s);
    expect(outcome).toEqual({ kind: 'box', rect: { x0: 300, y0: 100, x1: 200, y1: 150 }, mode: 'crossing', additive: true });
    expect(state).toEqual(IDLE);
  });

  it('releases a press that never moved as a click where it was pressed', () => {
    const { outcome } = releaseBox(moveBox(pressBox(IDLE, 40, 50, true), 41, 50));
    expect(outcome).toEqual({ kind: 'click', x: 40, y: 50, additive: true });
    expect(releaseBox(IDLE).outcome).toEqual({ kind: 'none' });
  });

  it('does not start a second box while one is in progress, and Escape drops it and disarms', () => {
    const s = moveBox(pressBox(toggleArmed(IDLE), 0, 0, false), 50, 50);
    expect(wantsBox(s, press, nothingUnder)).toBe(false);
    expect(cancelBox()).toEqual({ armed: false, phase: { kind: 'idle' } });
  });
});
