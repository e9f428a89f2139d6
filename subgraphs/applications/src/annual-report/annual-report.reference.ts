import { checkAnnualReportKey, type EntityReference } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { AnnualReport } from './annual-report.type.js';

// The kit's key check, shared by every department adding a section; here for the tests beside it.
export { checkAnnualReportKey };

/**
 * Public aggregates, no personal data: any caller may have them, but only for a real key, so a
 * crafted `_entities` call gets no figures for nonsense. One computation per year per request
 * (`ctx.loaders.caseOverviewByYear`), however many departments' reports the plan hands over.
 */
export const annualReportReference: EntityReference<{ departmentCode: string; year: number }, ApplicationsContext, AnnualReport> = {
  async __resolveReference(ref, ctx) {
    const key = checkAnnualReportKey(ref, ctx.services.clock());
    return { ...key, caseOverview: await ctx.loaders.caseOverviewByYear.load(key.year) };
  },
};
