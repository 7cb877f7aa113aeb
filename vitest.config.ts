import { defineConfig } from 'vitest/config';

// Workspace packages are resolved to their TypeScript sources (the "source" export condition),
// so tests never depend on a stale build.
// Node-side tests run in Vite's SSR environment, which takes its own conditions, and the
// workspace packages must be inlined (not loaded by Node from their built `dist`).
const resolve = { conditions: ['source'] };
const ssr = { resolve: { conditions: ['source'], externalConditions: ['source'] } };
const server = { deps: { inline: [/@shouwang\//] } };

export default defineConfig({
  resolve,
  ssr,
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          server,
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'e2e',
          server,
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
