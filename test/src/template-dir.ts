/** Where the global setup put this run's seeded data folder (vitest.global-setup.ts, template-data.ts). */
export const TEMPLATE_DIR_VARIABLE = 'GOVGRAPH_TEST_TEMPLATE_DIR';
