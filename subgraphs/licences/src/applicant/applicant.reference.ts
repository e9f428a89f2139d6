import { grantOpensFullValues, isGrantReference, openCaseGrant, type EntityReference } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { Applicant } from './applicant.type.js';

/**
 * A bare id: the fields then serve only the applicant themself (they load through the request's
 * loaders). A case grant (handed to an officer by the case system): the officer it names reads
 * the licences, for that case.
 */
export const applicantReference: EntityReference<{ id: string }, LicencesContext, Applicant> = {
  __resolveReference(ref, ctx) {
    if (typeof ref.id !== 'string' || ref.id.length > 1024) return null;
    if (!isGrantReference(ref.id)) return { id: ref.id, holderId: ref.id };
    const grant = openCaseGrant(ctx.services.trust, ref.id);
    const claims = ctx.claims;
    if (!grant || !claims?.roles.includes('officer') || claims.accountId !== grant.accountId || claims.department !== grant.department) return null;
    // A case in a list opens no licence: licences are full values.
    if (!grantOpensFullValues(grant)) return null;
    return { id: ref.id, holderId: grant.applicantId, grant };
  },
};
