/**
 * Shared colours for equipment, so that every conveyor looks like a conveyor. Industrial
 * conventions: safety yellow for fences, machine grey-white, belt near-black.
 */
export const COLORS = {
  frame: '#8a939c',
  belt: '#2b2f33',
  roller: '#b9c0c6',
  wood: '#c79a5b',
  woodDark: '#a77d44',
  tableTop: '#d7dbe0',
  steel: '#6c757d',
  machineBody: '#e9ecef',
  machineAccent: '#2f6fb0',
  glass: '#9fc7e6',
  safety: '#f2c200',
  mesh: '#5a5f66',
  skin: '#e0b89a',
  workwear: '#2f6fb0',
  helmet: '#f08a24',
  robot: '#f08a24',
  /** Parts, placed or simulated (the same blue, so a part looks the same before and during a run). */
  part: '#3d8bd4',
  /** A light curtain's protective field. */
  beam: '#e0342b',
} as const;
