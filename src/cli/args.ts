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
    return parseArgs({ args: joinNegativeValues(argv, options), allowPositionals: true, options, strict: true });
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

/**
 * `--q -1.57,0` reads to node's parser as two options; joint vectors start with a minus sign
 * all the time, so a string option followed by a negative number is joined as `--q=-1.57,0`.
 */
export function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const takesValue = new Set(Object.entries(options).filter(([, o]) => o.type === 'string').map(([name]) => `--${name}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
