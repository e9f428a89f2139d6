import { createRequire } from 'node:module';
import type { ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * graphql ships CommonJS and ESM builds; Node loads the CommonJS one for our dependencies, so
 * our own code must get the same one, or schemas "from another module or realm" appear.
 *
 * Speed on a 2-core machine (docs/testing.md): files share their worker's module cache
 * (`isolate: false`), which saves importing the gateway and the departments again for every
 * file — most of what a file used to cost. A file that replaces modules (vi.mock) cannot share:
 * name it `*.isolated.test.ts` and it runs in a project of its own, in a fresh worker.
 * Two workers even on two cores: the whole-graph files mostly wait on HTTP and child processes.
 */
export const sharedConfig: ViteUserConfig = {
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
  },
  test: {
    environment: 'node',
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the one-line total that `npm test` ends with (scripts/test-summary.mjs).
    // Hook failures and unhandled errors, which the JSON report drops, go to suite-errors.json.
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }], require.resolve('./scripts/vitest-suite-errors.mjs')],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', APOLLO_TELEMETRY_DISABLED: 'true' },
  },
};

/** A package's unit tests: shared workers for most files, a fresh one each for `*.isolated.test.ts`. */
export function unitTestProjects(name: string): NonNullable<ViteUserConfig['test']>['projects'] {
  return [
    { extends: true, test: { name, include: ['test/**/*.test.ts'], exclude: ['test/**/*.isolated.test.ts'] } },
    { extends: true, test: { name: `${name} (isolated)`, include: ['test/**/*.isolated.test.ts'], isolate: true } },
  ];
}
