/**
 * The editor's one active tool, as a state machine: the transform handles (move or rotate), the
 * IK drag of a robot's tool, measuring, box select, drawing a fence run, placing a target on a
 * surface, or picking a program step's target. Exactly one is active; activating one ends the
 * other, so no tool has to know the others (before, each tool cancelled each other pairwise).
 *
 * Plain data and a pure `transition` function, tested by state paths without a DOM (as tldraw's
 * tools are). tools/active-tool-bridge.ts keeps the per-tool stores (measure points, fence
 * points, box phase, gizmo settings) in step with it.
 */

/** The tools. `gizmo` is the resting state: click to select, handles to move or rotate. */
export type ToolKind = 'gizmo' | 'ikDrag' | 'measure' | 'boxSelect' | 'fenceRun' | 'placeTarget' | 'pickTarget';

/** The machine's state: the active tool and the handle mode the gizmo returns to. */
export interface ActiveToolState {
  tool: ToolKind;
  /** Move or rotate handles (W / E); kept while another tool is active. */
  gizmoMode: 'translate' | 'rotate';
}

/** What can happen to the tools. */
export type ToolEvent =
  /** A button or key asks for a tool. */
  | { type: 'activate'; tool: ToolKind }
  /** A toggle (M, B, T, a toolbar button): the tool if it is not active, else back to the gizmo. */
  | { type: 'toggle'; tool: ToolKind }
  /** W / E: the gizmo with move or rotate handles (leaves any other tool). */
  | { type: 'gizmoMode'; mode: 'translate' | 'rotate' }
  /** Escape: leave the active tool. */
  | { type: 'cancel' }
  /** A one-shot tool did its job (a box drawn, a fence run finished, a target placed or picked). */
  | { type: 'done'; tool: ToolKind }
  /** The selection changed: the IK drag needs one robot selected. */
  | { type: 'selection'; singleRobot: boolean };

/** Where the editor starts. */
export const INITIAL_TOOL: ActiveToolState = { tool: 'gizmo', gizmoMode: 'translate' };

/** Tools that end by themselves once they have done their one job. */
const ONE_SHOT: ReadonlySet<ToolKind> = new Set(['boxSelect', 'fenceRun', 'placeTarget', 'pickTarget']);

/** The state after `event`. Returns `state` itself when nothing changes. */
export function transition(state: ActiveToolState, event: ToolEvent): ActiveToolState {
  const to = (tool: ToolKind, gizmoMode = state.gizmoMode): ActiveToolState =>
    tool === state.tool && gizmoMode === state.gizmoMode ? state : { tool, gizmoMode };
  switch (event.type) {
    case 'activate':
      return to(event.tool);
    case 'toggle':
      return to(state.tool === event.tool ? 'gizmo' : event.tool);
    case 'gizmoMode':
      return to('gizmo', event.mode);
    case 'cancel':
      return to('gizmo');
    case 'done':
      return state.tool === event.tool && ONE_SHOT.has(event.tool) ? to('gizmo') : state;
    case 'selection':
      return state.tool === 'ikDrag' && !event.singleRobot ? to('gizmo') : state;
  }
}

/** Runs a list of events from `state` (for tests and replays): every state along the way. */
export function statePath(events: readonly ToolEvent[], state: ActiveToolState = INITIAL_TOOL): ActiveToolState[] {
  const out = [state];
  for (const e of events) out.push((state = transition(state, e)));
  return out;
}
