/**
 * KPIs of a run (docs/ARCHITECTURE.md "KPI definitions"), computed from the activity log alone: cycle
 * times, throughput, utilization, breakdowns, bottleneck, density and floor figures; output as
 * JSON (rounded), CSV and text, and two runs compared side by side.
 */
export { computeKpis, type Breakdown, type CellKpis, type CollisionRecord, type DensityKpis, type KpiOptions, type ResourceKpis, type RobotKpis } from './compute';
export { findBottleneck, busyShare, WAIT_THRESHOLD, type Bottleneck, type BottleneckCandidate } from './bottleneck';
export { DENSITY_LABEL, DENSITY_REFERENCES, floorBounds, floorFigures, footprintCorners, type FloorFigures } from './floor';
export { summarize, percentileSorted, gaps, OUTPUT_DECIMALS, roundDeep, roundTo, type Summary } from './stats';
export { cycleWindow, stateSeconds, timelines, utilizationOf, type CycleWindow, type ResourceTimeline, type TimeWindow } from './timeline';
export { BREAKDOWN_CATEGORIES, CONVEYOR_STATES, MACHINE_STATES, OPERATOR_STATES, ROBOT_STATES, categoryOf, isBlocked, isBusy, isStarved, isWaiting, knownStates, type BreakdownCategory } from './states';
export { kpisToCsv } from './csv';
export { DEADLOCK_MIN_SECONDS, STALL_CYCLES, findStalls, stalledIntervals, type Stall, type StallLocator, type StallWhere } from './stalls';
export { cellStallLocator, waitsForText, type ProgramStepIndex } from './stall-where';
export { compareKpis, type CompareRow, type RowUnit } from './compare';
export { compareText, formatDelta, formatValue, kpisText, stallLine } from './text';
