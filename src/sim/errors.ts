/**
 * Errors the simulation raises for content of the cell document that the schema cannot catch
 * (a program step it does not know, a robot without a description): each names its path in the
 * file, like the validator's problems, so the CLI prints `error: FILE: programs[0].steps[2].q: …`.
 */

/** Bad content in the cell, with its path in the file (`programs[0].steps[2].q`). */
export class CellContentError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CellContentError';
  }
}
