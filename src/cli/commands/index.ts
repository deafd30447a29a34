import type { Command } from '../command';
import { validateCommand } from './validate';

/** Every command, in the order `--help` lists them. Later issues add inspect, fk, ik, plan, run. */
export const COMMANDS: readonly Command[] = [validateCommand];
