import type { Command } from '../command';
import { inspectCommand } from './inspect';
import { planCommand } from './plan';
import { validateCommand } from './validate';

/** Every command, in the order `--help` lists them. Later issues add fk, ik, plan, run. */
export const COMMANDS: readonly Command[] = [validateCommand, inspectCommand, planCommand];
