/**
 * Loading Rapier. We use `@dimforge/rapier3d-deterministic-compat`: the same API as
 * rapier3d-compat, built so that the same inputs give bit-identical results on every platform
 * (no fused multiply-add, no platform float intrinsics), which is what lets a run in Node and
 * the same run in the browser's worker hash the same. The "compat" build inlines its WebAssembly
 * as base64, so it loads the same way in Node, vitest and module workers, without a bundler
 * plugin. `init()` must finish once per JavaScript context before anything else is called.
 */
import RAPIER from '@dimforge/rapier3d-deterministic-compat';

export type Rapier = typeof RAPIER;

let ready: Promise<void> | null = null;

/** Loads Rapier's WebAssembly (once per context; later calls share the first). */
export async function initRapier(): Promise<Rapier> {
  ready ??= RAPIER.init();
  await ready;
  return RAPIER;
}

/** Rapier's module, for callers that have awaited {@link initRapier}. */
export { RAPIER };
