import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { DEMO_APPLICANTS, measureReuse, share } from '../reuse/measure-reuse.js';
import { REPORT_GATEWAY_ENV, REUSE_TARGETS } from '../reuse/targets.js';

/**
 * The floor under `npm run reuse:report` (docs/reuse.md): over every matter a demo applicant may
 * apply for, what arrives filled stays at or above issue 22's targets.
 */
describe('once-only coverage over the whole catalog', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph({ gatewayEnv: REPORT_GATEWAY_ENV });
  });
  afterAll(async () => graph?.close());

  for (const applicant of DEMO_APPLICANTS) {
    it(`${applicant.label}: sourced fields ≥ ${REUSE_TARGETS.sourcedFields * 100} %, required materials ≥ ${REUSE_TARGETS.requiredMaterials * 100} %`, async () => {
      const { overall, unfilledSources, unsatisfiedMaterials } = await measureReuse(graph, applicant);
      const fields = share(overall.sourcedFilled, overall.sourcedFields);
      const materials = share(overall.requiredSatisfied, overall.requiredMaterials);
      console.info(`reuse, ${applicant.label}: ${overall.forms} forms, sourced fields ${(fields * 100).toFixed(1)} %, required materials ${(materials * 100).toFixed(1)} %`);
      expect(overall.forms).toBeGreaterThan(100);
      expect(fields, `empty sources: ${JSON.stringify(Object.fromEntries(unfilledSources))}`).toBeGreaterThanOrEqual(REUSE_TARGETS.sourcedFields);
      expect(materials, `unsatisfied: ${JSON.stringify(Object.fromEntries(unsatisfiedMaterials))}`).toBeGreaterThanOrEqual(REUSE_TARGETS.requiredMaterials);
    }, 180_000);
  }
});
