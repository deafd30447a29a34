/**
 * The one error type of the URDF import pipeline. Every problem with a robot description (bad
 * XML, a broken tree, a bad number, a failed xacro expansion, an oversized zip) is reported as a
 * single UrdfError naming the file and, when the XML parser knows it, the line — so the CLI can
 * print `error: FILE:LINE: what` and the app can show one sentence without a stack trace.
 */
export class UrdfError extends Error {
  /** The file the problem is in, as the caller named it (path, zip entry or dropped name). */
  readonly file: string;
  /** 1-based line of the offending element, when known. */
  readonly line?: number;

  constructor(file: string, message: string, line?: number) {
    super(message);
    this.name = 'UrdfError';
    this.file = file;
    if (line !== undefined) this.line = line;
  }

  /** `FILE[:LINE]: what`, the form the CLI prints after `error: `. */
  override toString(): string {
    return `${this.file}${this.line !== undefined ? `:${this.line}` : ''}: ${this.message}`;
  }
}
