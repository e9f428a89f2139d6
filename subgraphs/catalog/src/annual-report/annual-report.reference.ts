import { checkAnnualReportKey, type EntityReference } from '@govgraph/kit';
import type { CatalogContext } from '../context.js';
import type { AnnualReport } from './annual-report.type.js';

// The kit's key check, shared by every department adding a section; here for the tests beside it.
export { checkAnnualReportKey };

/**
 * Public aggregates, no personal data: any caller may have them, but only for a real key, so a
 * crafted `_entities` call gets no figures for nonsense. One query per request, however many
 * reports the plan hands over (`ctx.loaders.catalogOverview`).
 */
export const annualReportReference: EntityReference<{ departmentCode: string; year: number }, CatalogContext, AnnualReport> = {
  async __resolveReference(ref, ctx) {
    const key = checkAnnualReportKey(ref, new Date());
    return { ...key, catalogOverview: await ctx.loaders.catalogOverview.load(key.year) };
  },
};
