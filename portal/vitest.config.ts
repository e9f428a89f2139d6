import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig, unitTestProjects } from '../vitest.shared.js';

export default mergeConfig(sharedConfig, defineConfig({ test: { projects: unitTestProjects('portal') } }));
