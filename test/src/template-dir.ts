/** Where the global setup put this run's seeded data folder (vitest.global-setup.ts, template-data.ts). */
export const TEMPLATE_DIR_VARIABLE = 'GOVGRAPH_TEST_TEMPLATE_DIR';
/** Where the global setup bundled the CLI for this run (its own copy: the packed-CLI test rebuilds cli/dist meanwhile). */
export const CLI_BUNDLE_VARIABLE = 'GOVGRAPH_TEST_CLI_BUNDLE';
