import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

/** Whole-graph journeys: every service started in-process on port 0, real HTTP between them. */
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], testTimeout: 60_000, hookTimeout: 120_000 } }),
);
