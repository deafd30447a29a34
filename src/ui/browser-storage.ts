/**
 * The browser's localStorage, where there is one: undefined in Node tests, and where the browser
 * refuses it (reading `localStorage` throws in some privacy modes). What the UI keeps there (the
 * experiment form, the lessons done) is a convenience copy, so callers go on without it.
 */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
