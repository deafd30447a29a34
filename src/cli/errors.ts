/**
 * Errors the CLI reports as one line, `error: FILE[:LINE]: what`, with exit code 2 (bad input).
 * Anything else that escapes a command is an internal fault (exit code 1).
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** The one-line form docs/ARCHITECTURE.md specifies. */
  toLine(): string {
    return `error: ${this.file}${this.line !== undefined ? `:${this.line}` : ''}: ${this.message}`;
  }
}
