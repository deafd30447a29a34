/**
 * The store layer: the document store with undo, edit commands, autosave and cell files.
 * Framework-free on purpose — import the React hooks from `./use-cell` directly, so that
 * importing this barrel never pulls React into tests, tools or the CLI.
 */
export * from './cell-store';
export * from './commands';
export * from './autosave';
export * from './cell-file';
export { cellStore } from './app-store';
