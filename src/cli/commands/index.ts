import type { Command } from '../command';
import { calibrateCommand } from './calibrate';
import { compareCommand } from './compare';
import { fkCommand } from './fk';
import { ikCommand } from './ik';
import { inspectCommand } from './inspect';
import { planCommand } from './plan';
import { runCommand } from './run';
import { sweepCommand } from './sweep';
import { workerCommand } from './worker';
import { dbCommand } from './db';
import { validateCommand } from './validate';

/** Every command, in the order `--help` lists them. Later issues add fk, ik, plan, run. */
export const COMMANDS: readonly Command[] = [validateCommand, inspectCommand, fkCommand, ikCommand, planCommand, runCommand, compareCommand, calibrateCommand, sweepCommand, workerCommand, dbCommand];
