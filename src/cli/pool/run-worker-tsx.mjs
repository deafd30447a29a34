// Worker entry when the CLI runs from its TypeScript sources (tsx, vitest): Node 20 does not
// apply `--import tsx` to a worker thread's own entry module, so this plain-JS shim registers
// tsx in the thread, then loads the real entry. The bundled CLI uses run-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./run-worker.ts');
export default run;
