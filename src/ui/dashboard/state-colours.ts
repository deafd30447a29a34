/** One colour per state, shared by the Gantt chart, the utilization bars and their legends. */
export const STATE_COLOURS: Record<string, string> = {
  'moving-loaded': '#1e6fd9',
  'moving-empty': '#7fb0ee',
  processing: '#2e7d32',
  gripper: '#8e44ad',
  io: '#16a085',
  'waiting-starved': '#f0ad4e',
  'waiting-blocked': '#d9534f',
  'waiting-interlock': '#c0392b',
  idle: '#d5dade',
  loading: '#7fb0ee',
  unloading: '#1e6fd9',
  door: '#8e44ad',
  starved: '#f0ad4e',
  blocked: '#d9534f',
  working: '#2e7d32',
  waiting: '#f0ad4e',
  running: '#2e7d32',
  supplying: '#5d8aa8',
};

/** The colour of `state` (grey for states this build does not know). */
export function stateColour(state: string): string {
  return STATE_COLOURS[state] ?? '#9aa1a8';
}
