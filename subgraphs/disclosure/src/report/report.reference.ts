import type { EntityReference } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { checkReportKey } from './report-key.js';
import type { ReportKey } from './report.type.js';

/**
 * Public aggregates, but still an entry point: the representation is checked as Query.annualReport
 * checks its arguments, and the sections load through the request's loaders.
 */
export const annualReportReference: EntityReference<Partial<ReportKey>, DisclosureContext, ReportKey> = {
  __resolveReference(ref, ctx) {
    return checkReportKey(ctx, ref.departmentCode, ref.year);
  },
};
