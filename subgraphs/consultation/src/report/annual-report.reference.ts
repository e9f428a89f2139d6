import { BadUserInputError, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { currentCityYear, isCityDepartment, isReportYear } from '../validation.js';
import type { AnnualReport } from './annual-report.type.js';

/**
 * The report is public, but a crafted `_entities` call gets no figures for nonsense keys: the
 * department must be one of the hall's, the year within 2000..the current city year.
 */
export const annualReportReference: EntityReference<{ departmentCode: string; year: number }, ConsultationContext, AnnualReport> = {
  __resolveReference(ref, ctx) {
    if (!isCityDepartment(ref.departmentCode)) throw new BadUserInputError('departmentCode is not a department of the hall', 'departmentCode');
    const now = ctx.services.clock();
    if (!isReportYear(ref.year, now)) throw new BadUserInputError(`year must be between 2000 and ${currentCityYear(now)}`, 'year');
    return { departmentCode: ref.departmentCode, year: ref.year };
  },
};
