import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

/**
 * Whole-graph journeys: every service started in-process on port 0, real HTTP between them;
 * browser tests (browser/*.browser.ts) drive Debian's Chromium against the same harness. The demo
 * data is seeded once per run (vitest.global-setup.ts) and copied into each graph's data folder.
 */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: { name: 'e2e', include: ['e2e/**/*.e2e.ts', 'browser/**/*.browser.ts'], globalSetup: ['./vitest.global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
  }),
);
