/**
 * The tool stores follow the one machine: switching any tool on (from its own store, as the
 * toolbar and the scene do) ends the others, with no tool cancelling another by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeToolStore, dispatchTool, installToolBridge } from '../../src/tools/active-tool-bridge';
import { boxSelectStore } from '../../src/tools/box-select-state';
import { fenceDrawStore, startFenceDraw } from '../../src/tools/fence-draw-state';
import { gizmoStore } from '../../src/tools/gizmo-state';
import { measureStore, setMeasuring } from '../../src/tools/measure-state';
import { programPanelStore } from '../../src/tools/program-panel-state';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installToolBridge();
});
afterAll(() => uninstall());

const on = () => ({
  tool: activeToolStore.getState().tool,
  measure: measureStore.getState().active,
  fence: fenceDrawStore.getState().active,
  box: boxSelectStore.getState().armed,
  ik: gizmoStore.getState().ik,
  placing: gizmoStore.getState().placingTarget,
  picking: programPanelStore.getState().picking !== null,
});

describe('tool stores bridged to the active-tool machine', () => {
  it('measure, then a fence run, then the IK drag, then a target pick: one tool at a time', () => {
    setMeasuring(true);
    expect(on()).toEqual({ tool: 'measure', measure: true, fence: false, box: false, ik: false, placing: false, picking: false });
    startFenceDraw();
    expect(on()).toEqual({ tool: 'fenceRun', measure: false, fence: true, box: false, ik: false, placing: false, picking: false });
    gizmoStore.setState({ ik: true });
    expect(on()).toEqual({ tool: 'ikDrag', measure: false, fence: false, box: false, ik: true, placing: false, picking: false });
    programPanelStore.setState({ picking: { robot: 'robot-1', index: 0 } });
    expect(on()).toEqual({ tool: 'pickTarget', measure: false, fence: false, box: false, ik: false, placing: false, picking: true });
  });

  it('arming box select ends target placing; Escape (cancel) returns to the handles with their mode', () => {
    gizmoStore.setState({ placingTarget: true });
    expect(on().tool).toBe('placeTarget');
    boxSelectStore.setState({ ...boxSelectStore.getState(), armed: true });
    expect(on()).toMatchObject({ tool: 'boxSelect', placing: false, box: true });
    gizmoStore.setState({ mode: 'rotate' });
    expect(on()).toMatchObject({ tool: 'gizmo', box: false });
    expect(gizmoStore.getState().mode).toBe('rotate');
    setMeasuring(true);
    dispatchTool({ type: 'cancel' });
    expect(on()).toEqual({ tool: 'gizmo', measure: false, fence: false, box: false, ik: false, placing: false, picking: false });
    expect(activeToolStore.getState().gizmoMode).toBe('rotate');
  });
});
