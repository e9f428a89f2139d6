import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DATA_ACCESS_STREAM, Fact, requireApplicant, type DataAccessEvent } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import { effectiveStatus } from '../licence/licence-status.js';
import { LicenceStatus } from '../licence/licence.enums.js';
import { Licence, type LicenceRecord } from '../licence/licence.type.js';
import { Applicant } from './applicant.type.js';
import { licenceFacts } from './licence-facts.js';

/**
 * The holder, or an officer holding a case grant for them — whose read is reported to the
 * person's data-access log (in identity) before any licence leaves.
 */
async function requireReader(ctx: LicencesContext, applicant: Applicant, field: string): Promise<string> {
  const holderId = applicant.holderId ?? applicant.id;
  if (!applicant.grant) {
    requireApplicant(ctx.claims, holderId, `read their ${field}`);
    return holderId;
  }
  const access: DataAccessEvent = {
    applicantId: holderId,
    at: ctx.services.clock().toISOString(),
    accessorAccountId: applicant.grant.accountId,
    departmentCode: applicant.grant.department,
    purpose: applicant.grant.purpose,
    caseId: applicant.grant.caseId,
    fields: [`licences.${field}`],
  };
  await ctx.services.bus.publish(DATA_ACCESS_STREAM, access);
  return holderId;
}

@Resolver(() => Applicant)
export class ApplicantLicencesResolver {
  // Nullable on purpose: the field crosses from licences into every applicant, so when licences
  // is down it is null (with an error naming licences) instead of nulling the whole applicant.
  @FieldResolver(() => [Licence], {
    nullable: true,
    description: "The applicant's licences, optionally only those with the given current status. Null when the licences service is unavailable.",
  })
  async licences(
    @Root() applicant: Applicant,
    @Ctx() ctx: LicencesContext,
    @Arg('status', () => LicenceStatus, { nullable: true }) status?: LicenceStatus,
  ): Promise<LicenceRecord[]> {
    const holderId = await requireReader(ctx, applicant, 'licences');
    const all = await ctx.loaders.licencesByHolder.load(holderId);
    if (!status) return all;
    const today = ctx.services.today();
    return all.filter((l) => effectiveStatus(l.statusCode, l.validTo, today) === status);
  }

  @FieldResolver(() => [Fact], { description: 'Facts from valid licences, for prefilling the applicant’s own forms.' })
  async licenceFacts(@Root() applicant: Applicant, @Ctx() ctx: LicencesContext): Promise<Fact[]> {
    const holderId = await requireReader(ctx, applicant, 'licenceFacts');
    const today = ctx.services.today();
    const valid = (await ctx.loaders.licencesByHolder.load(holderId)).filter((l) => effectiveStatus(l.statusCode, l.validTo, today) === LicenceStatus.VALID);
    const types = await ctx.loaders.typeByCode.loadMany([...new Set(valid.map((l) => l.typeCode))]);
    const titles = new Map(types.flatMap((t) => (t && !(t instanceof Error) ? [[t.code, t.name] as const] : [])));
    return licenceFacts(valid, ctx.services.clock().toISOString(), titles);
  }
}
