/**
 * Loading Rapier. We use `@dimforge/rapier3d-deterministic-compat`: the same API as
 * rapier3d-compat, built so that the same inputs give bit-identical results on every platform
 * (no fused multiply-add, no platform float intrinsics), which is what lets a run in Node and
 * the same run in the browser's worker hash the same. The "compat" build inlines its WebAssembly
 * as base64, so it loads the same way in Node, vitest and module workers, without a bundler
 * plugin. `init()` must finish once per JavaScript context before anything else is called.
 */
import type RapierModule from '@dimforge/rapier3d-deterministic-compat';

export type Rapier = typeof RapierModule;

let ready: Promise<Rapier> | null = null;

/**
 * Loads Rapier and its WebAssembly (once per context; later calls share the first). The module
 * itself (4 MB, mostly the inlined WebAssembly) is imported here, on first use, so that the CLI's
 * commands that never simulate (`--help`, `inspect`, `fk`, …) do not pay for parsing it.
 */
export async function initRapier(): Promise<Rapier> {
  ready ??= import('@dimforge/rapier3d-deterministic-compat').then(async ({ default: rapier }) => {
    await rapier.init();
    return rapier;
  });
  return ready;
}
