/**
 * A small argument reader on top of node:util's parseArgs: every command declares its options,
 * unknown options are bad input (exit 2) rather than silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` against `options`; wraps parse errors as InputError naming the command. */
export function readArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new InputError(command, (e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** Parses `1,2,3` into numbers, naming the option when one is not a number. */
export function numberList(option: string, value: string): number[] {
  const parts = value.split(',').map((s) => s.trim());
  const out = parts.map(Number);
  const bad = out.findIndex((x, i) => !Number.isFinite(x) || parts[i] === '');
  if (bad >= 0) throw new InputError(option, `"${parts[bad] ?? ''}" is not a number (item ${bad + 1} of ${value})`);
  return out;
}
