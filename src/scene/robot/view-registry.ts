/**
 * The robot views on screen, by item id, so the simulation's frames can pose them without going
 * through React (per-frame poses never enter a store: see r3f's performance pitfalls).
 */
import type { URDFRobot } from 'urdf-loader';

export interface RegisteredRobot {
  view: URDFRobot;
  tool: URDFRobot | null;
  /** Movable, non-mimic joints in tree order: how the document's `joints` are indexed. */
  jointNames: string[];
}

export const robotViews = new Map<string, RegisteredRobot>();
