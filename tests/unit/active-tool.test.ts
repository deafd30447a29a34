import { describe, expect, it } from 'vitest';
import { INITIAL_TOOL, statePath, transition, type ToolEvent } from '../../src/tools/active-tool';

const tools = (events: ToolEvent[]) => statePath(events).map((s) => (s.tool === 'gizmo' ? `gizmo:${s.gizmoMode}` : s.tool));

describe('the active-tool machine', () => {
  it('starts on the move handles', () => {
    expect(INITIAL_TOOL).toEqual({ tool: 'gizmo', gizmoMode: 'translate' });
  });

  it('keeps exactly one tool: measuring, then box select, ends the measure tool', () => {
    expect(tools([{ type: 'toggle', tool: 'measure' }, { type: 'toggle', tool: 'boxSelect' }, { type: 'done', tool: 'boxSelect' }])).toEqual([
      'gizmo:translate',
      'measure',
      'boxSelect',
      'gizmo:translate',
    ]);
  });

  it('toggles a tool off with its own key, and Escape leaves any tool', () => {
    expect(tools([{ type: 'toggle', tool: 'measure' }, { type: 'toggle', tool: 'measure' }, { type: 'activate', tool: 'fenceRun' }, { type: 'cancel' }])).toEqual([
      'gizmo:translate',
      'measure',
      'gizmo:translate',
      'fenceRun',
      'gizmo:translate',
    ]);
  });

  it('remembers rotate handles while another tool is active, and W/E leave the IK drag', () => {
    expect(tools([{ type: 'gizmoMode', mode: 'rotate' }, { type: 'toggle', tool: 'ikDrag' }, { type: 'cancel' }, { type: 'toggle', tool: 'ikDrag' }, { type: 'gizmoMode', mode: 'translate' }])).toEqual([
      'gizmo:translate',
      'gizmo:rotate',
      'ikDrag',
      'gizmo:rotate',
      'ikDrag',
      'gizmo:translate',
    ]);
  });

  it('ends one-shot tools when they are done, but a "done" of another tool changes nothing', () => {
    const placing = transition(INITIAL_TOOL, { type: 'activate', tool: 'placeTarget' });
    expect(transition(placing, { type: 'done', tool: 'fenceRun' })).toBe(placing);
    expect(transition(placing, { type: 'done', tool: 'placeTarget' }).tool).toBe('gizmo');
    // Measuring goes on after a measurement: it is not one-shot.
    const measuring = transition(INITIAL_TOOL, { type: 'activate', tool: 'measure' });
    expect(transition(measuring, { type: 'done', tool: 'measure' })).toBe(measuring);
  });

  it('leaves the IK drag when the selection is no longer one robot, and only then', () => {
    const ik = transition(INITIAL_TOOL, { type: 'activate', tool: 'ikDrag' });
    expect(transition(ik, { type: 'selection', singleRobot: true })).toBe(ik);
    expect(transition(ik, { type: 'selection', singleRobot: false }).tool).toBe('gizmo');
    const measuring = transition(INITIAL_TOOL, { type: 'activate', tool: 'measure' });
    expect(transition(measuring, { type: 'selection', singleRobot: false })).toBe(measuring);
  });

  it('returns the same state object when nothing changes (subscribers stay quiet)', () => {
    expect(transition(INITIAL_TOOL, { type: 'cancel' })).toBe(INITIAL_TOOL);
    expect(transition(INITIAL_TOOL, { type: 'gizmoMode', mode: 'translate' })).toBe(INITIAL_TOOL);
  });
});
