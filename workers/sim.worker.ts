/**
 * The simulation worker: a thin entry point that wires the simulation host (src/bridge/sim-host)
 * to this worker's messages. Physics never runs on the page's main thread.
 */
import { SimHost } from '../src/bridge/sim-host';
import type { FromSim, ToSim } from '../src/bridge/sim-protocol';

const scope = self as unknown as Worker;

const host = new SimHost({
  post: (message: FromSim, transfer: Transferable[] = []) => scope.postMessage(message, transfer),
  now: () => performance.now(),
  schedule: (fn) => setTimeout(fn, 0),
});

// Messages are handled one after another: a `load` (async, it initialises Rapier) must finish
// before the `play` that follows it is looked at.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToSim>) => {
  queue = queue.then(() => host.handle(event.data));
  // A failure inside handle is reported by the host; an exception escaping it (a test's
  // deliberate crash) is rethrown here so the page sees a real worker error.
  queue.catch((e: unknown) =>
    setTimeout(() => {
      throw e;
    }),
  );
  queue = queue.catch(() => undefined);
};
