import { DATA_ACCESS_STREAM, grantOpensFullValues, isGrantReference, openCaseGrant, requireApplicant, type DataAccessEvent, type EntityReference } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceRecord } from './licence.type.js';

/** An officer reads one licence of the applicant through the case it was given for, logged first. */
async function throughCaseGrant(reference: string, ctx: LicencesContext): Promise<LicenceRecord | null> {
  const grant = openCaseGrant(ctx.services.trust, reference);
  const claims = ctx.claims;
  if (!grant?.subjectId || !grantOpensFullValues(grant) || !claims?.roles.includes('officer') || claims.accountId !== grant.accountId || claims.department !== grant.department) {
    ctx.log.warn({ accountId: claims?.accountId }, 'licence grant refused');
    return null;
  }
  const licence = await ctx.loaders.licenceById.load(grant.subjectId);
  if (!licence || licence.holderId !== grant.applicantId) return null;
  const access: DataAccessEvent = {
    applicantId: grant.applicantId,
    at: ctx.services.clock().toISOString(),
    accessorAccountId: grant.accountId,
    departmentCode: grant.department,
    purpose: grant.purpose,
    caseId: grant.caseId,
    fields: ['licences.licence'],
  };
  await ctx.services.bus.publish(DATA_ACCESS_STREAM, access);
  return licence;
}

/**
 * A licence's details are its holder's. Anyone else checks a licence with verifyLicence, which
 * reveals only a masked name; officers act on licences through the operations, by identifier,
 * and read one given as a material through the case's grant.
 */
export const licenceReference: EntityReference<{ id: string }, LicencesContext, LicenceRecord> = {
  async __resolveReference(ref, ctx) {
    if (typeof ref.id !== 'string' || ref.id.length > 1024) return null;
    if (isGrantReference(ref.id)) return throughCaseGrant(ref.id, ctx);
    if (ref.id.length > 128) return null;
    const licence = await ctx.loaders.licenceById.load(ref.id);
    if (!licence) return null;
    requireApplicant(ctx.claims, licence.holderId, 'read their licence');
    return licence;
  },
};
