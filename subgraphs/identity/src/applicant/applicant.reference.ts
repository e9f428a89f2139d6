import type { GraphQLResolveInfo } from 'graphql';
import { grantOpensFullValues, isGrantReference, openCaseGrant, type EntityReference } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { requestedFields } from '../data-access/requested-fields.js';
import { grantHolds } from './access.js';
import type { ApplicantRecord } from './applicant.loader.js';

const MAX_REFERENCE_LENGTH = 1024;

/**
 * `_entities` is an entry point like any query. A bare id resolves to the record, whose fields
 * then check who asks. A case grant resolves only for the officer it was handed to, and the read
 * is written to the applicant's data-access log before any data leaves — or nothing is returned.
 */
export async function resolveApplicantReference(
  ref: { id: string },
  ctx: IdentityContext,
  info: GraphQLResolveInfo | undefined,
  typeNames: readonly string[],
): Promise<ApplicantRecord | null> {
  if (typeof ref.id !== 'string' || ref.id.length > MAX_REFERENCE_LENGTH) return null;
  if (!isGrantReference(ref.id)) return ctx.loaders.applicantById.load(ref.id);

  const grant = openCaseGrant(ctx.services.trust, ref.id);
  if (!grant || !grantHolds(ctx.claims, grant)) {
    ctx.log.warn({ accountId: ctx.claims?.accountId }, 'case grant refused');
    return null;
  }
  const record = await ctx.loaders.applicantById.load(grant.applicantId);
  if (!record) return null;
  const fields = requestedFields(info, typeNames);
  // A list grant lets only masked values leave (a masked name): nothing full to log.
  if (fields.length > 0 && grantOpensFullValues(grant)) {
    const officer = await ctx.loaders.accountById.load(grant.accountId);
    await ctx.loaders.recordAccess.load({
      applicantId: grant.applicantId,
      at: ctx.services.clock().toISOString(),
      accessorAccountId: grant.accountId,
      accessorName: officer?.personName ?? grant.accountId,
      departmentCode: grant.department,
      purpose: grant.purpose,
      caseId: grant.caseId,
      fields,
    });
  }
  return { ...record, referenceId: ref.id, basis: { kind: 'caseGrant', grant } };
}

export const applicantReference: EntityReference<{ id: string }, IdentityContext, ApplicantRecord> = {
  __resolveReference(ref, ctx, info) {
    return resolveApplicantReference(ref, ctx, info, ['Applicant', 'Person', 'Enterprise']);
  },
};

export const personReference: EntityReference<{ id: string }, IdentityContext, ApplicantRecord> = {
  async __resolveReference(ref, ctx, info) {
    const record = await resolveApplicantReference(ref, ctx, info, ['Applicant', 'Person']);
    return record?.kind === 'PERSON' ? record : null;
  },
};

export const enterpriseReference: EntityReference<{ id: string }, IdentityContext, ApplicantRecord> = {
  async __resolveReference(ref, ctx, info) {
    const record = await resolveApplicantReference(ref, ctx, info, ['Applicant', 'Enterprise']);
    return record?.kind === 'ENTERPRISE' ? record : null;
  },
};
