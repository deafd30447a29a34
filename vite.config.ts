import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation lets the page use SharedArrayBuffer for the worker's frame buffer
 * (docs/ARCHITECTURE.md, "The engines": frames from the worker to the page). Both the dev and preview servers send it.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * `npm start` opens a browser tab where there is a desktop to open it on. On a Linux machine
 * without a display (a server, a container) there is none, and asking xdg-open only prints an
 * error: the address in the server's banner is what the user needs there.
 */
const hasDesktop = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

export default defineConfig({
  // Relative base: dist/ works when served from any folder.
  base: './',
  plugins: [react()],
  server: { headers: isolationHeaders, open: process.env['npm_lifecycle_event'] === 'start' && hasDesktop },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A time limit only catches hangs: on a 2-core machine shared with other work a
          // simulation test that takes 5 s when idle can take 20 s (speed is for npm run bench).
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for a condition; its limit only catches a hang. Vitest's 1 s default
          // is short for a page on SwiftShader on a shared 2-core machine (a worker round trip,
          // a re-render after a store change), as the harness's 90 s for Playwright waits is not.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
