/** The shape of one CLI command. Each lives in its own file under `commands/`. */
export interface Command {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Usage lines shown by `celltwin help NAME`. */
  usage: string;
  /** Runs the command; returns the exit code. Writes results to stdout. */
  run(argv: string[], io: CommandIO): Promise<number>;
}

/** Where a command writes; tests pass their own to capture output. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}
