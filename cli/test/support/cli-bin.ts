import { fileURLToPath } from 'node:url';

/** Set by vitest.global-setup.ts: the bundle built for this run. */
export const BUNDLE_VARIABLE = 'GOVGRAPH_TEST_CLI_BUNDLE';

/** What the tests spawn with node: the run's bundle, else the bin (through tsx, from source). */
export const CLI = process.env[BUNDLE_VARIABLE] ?? fileURLToPath(new URL('../../bin/govgraph.mjs', import.meta.url));
