import { createRequire } from 'node:module';
import type { ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * graphql ships CommonJS and ESM builds; Node loads the CommonJS one for our dependencies, so
 * our own code must get the same one, or schemas "from another module or realm" appear.
 */
export const sharedConfig: ViteUserConfig = {
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
  },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the one-line total that `npm test` ends with (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', APOLLO_TELEMETRY_DISABLED: 'true' },
  },
};
