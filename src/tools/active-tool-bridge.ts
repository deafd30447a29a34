/**
 * The active-tool machine (active-tool.ts) wired to the stores each tool keeps its own data in:
 * measure points, fence points, the box-select phase, the gizmo's settings, the program editor's
 * target picking. The machine decides which tool is active; this module projects its state onto
 * those stores (ending every tool but the active one), and turns a tool store switched on or off
 * from elsewhere (a toolbar button, the scene) into a machine event. So no tool cancels another
 * by hand any more: there is one place that knows they exclude each other.
 */
import { createStore } from 'zustand/vanilla';
import { INITIAL_TOOL, transition, type ActiveToolState, type ToolEvent, type ToolKind } from './active-tool';
import { boxSelectStore } from './box-select-state';
import { fenceDrawStore } from './fence-draw-state';
import { gizmoStore } from './gizmo-state';
import { measureStore } from './measure-state';
import { programPanelStore } from './program-panel-state';

/** The active tool, for the toolbar, the shortcuts and the scene. */
export const activeToolStore = createStore<ActiveToolState>(() => INITIAL_TOOL);

let projecting = false;

/** Makes every tool store agree with `s`: the active tool on, all others off. */
function project(s: ActiveToolState): void {
  projecting = true;
  try {
    const m = measureStore.getState();
    if (m.active !== (s.tool === 'measure')) measureStore.setState({ active: s.tool === 'measure', a: null, b: null });
    const f = fenceDrawStore.getState();
    if (f.active && s.tool !== 'fenceRun') fenceDrawStore.setState({ active: false, points: [], hover: null });
    if (!f.active && s.tool === 'fenceRun') fenceDrawStore.setState({ active: true, points: [], hover: null });
    const b = boxSelectStore.getState();
    if (b.armed !== (s.tool === 'boxSelect')) boxSelectStore.setState({ ...b, armed: s.tool === 'boxSelect' });
    const g = gizmoStore.getState();
    const ik = s.tool === 'ikDrag';
    const placingTarget = s.tool === 'placeTarget';
    if (g.ik !== ik || g.placingTarget !== placingTarget || g.mode !== s.gizmoMode) gizmoStore.setState({ ik, placingTarget, mode: s.gizmoMode });
    if (s.tool !== 'pickTarget' && programPanelStore.getState().picking !== null) programPanelStore.setState({ picking: null });
  } finally {
    projecting = false;
  }
}

/** Sends an event to the machine and projects the result. */
export function dispatchTool(event: ToolEvent): void {
  const before = activeToolStore.getState();
  const after = transition(before, event);
  if (after === before) return;
  activeToolStore.setState(after, true);
  project(after);
}

/** The active tool now. */
export const activeTool = (): ToolKind => activeToolStore.getState().tool;

/** A tool store switched from outside the machine: on → activate, off → that tool is done. */
function follow(tool: ToolKind, on: boolean, offEvent: 'done' | 'cancel'): void {
  if (projecting) return;
  if (on) dispatchTool({ type: 'activate', tool });
  else if (activeTool() === tool) dispatchTool(offEvent === 'done' ? { type: 'done', tool } : { type: 'cancel' });
}

let installed: (() => void) | null = null;

/** Connects the machine to the tool stores (once; returns the disconnect function). */
export function installToolBridge(): () => void {
  if (installed) return installed;
  const stops = [
    measureStore.subscribe((s, p) => s.active !== p.active && follow('measure', s.active, 'cancel')),
    fenceDrawStore.subscribe((s, p) => s.active !== p.active && follow('fenceRun', s.active, 'done')),
    boxSelectStore.subscribe((s, p) => s.armed !== p.armed && follow('boxSelect', s.armed, 'done')),
    gizmoStore.subscribe((s, p) => {
      if (s.ik !== p.ik) follow('ikDrag', s.ik, 'cancel');
      if (s.placingTarget !== p.placingTarget) follow('placeTarget', s.placingTarget, 'done');
      if (s.mode !== p.mode && !projecting) dispatchTool({ type: 'gizmoMode', mode: s.mode });
    }),
    programPanelStore.subscribe((s, p) => (s.picking === null) !== (p.picking === null) && follow('pickTarget', s.picking !== null, 'done')),
  ];
  installed = () => {
    for (const stop of stops) stop();
    installed = null;
  };
  return installed;
}
