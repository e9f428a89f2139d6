import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig, unitTestProjects } from '../vitest.shared.js';

// The tests spawn the CLI as a department runs it, a process per command: more time than a unit test.
export default mergeConfig(sharedConfig, defineConfig({ test: { globalSetup: ['./vitest.global-setup.ts'], testTimeout: 120_000, projects: unitTestProjects('cli') } }));
