import { checkAnnualReportKey, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import type { AnnualReport } from './annual-report.type.js';

/**
 * The report is public, but a crafted `_entities` call gets no figures for nonsense keys: the
 * department must be one of the hall's, the year within 2000..the current city year.
 */
export const annualReportReference: EntityReference<{ departmentCode: string; year: number }, ConsultationContext, AnnualReport> = {
  __resolveReference(ref, ctx) {
    return checkAnnualReportKey(ref, ctx.services.clock());
  },
};
