import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Fact, requireApplicant, type Claims } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import { LicenceStatus, effectiveStatus } from '../licence/licence-status.js';
import { Licence, type LicenceRecord } from '../licence/licence.type.js';
import { Applicant } from './applicant.type.js';
import { licenceFacts } from './licence-facts.js';

/** The holder, or an officer holding a case grant for them. */
function requireReader(claims: Claims | null, applicant: Applicant, what: string): string {
  const holderId = applicant.holderId ?? applicant.id;
  if (!applicant.viaGrant) requireApplicant(claims, holderId, what);
  return holderId;
}

@Resolver(() => Applicant)
export class ApplicantLicencesResolver {
  @FieldResolver(() => [Licence], { description: "The applicant's licences, optionally only those with the given current status." })
  async licences(
    @Root() applicant: Applicant,
    @Ctx() ctx: LicencesContext,
    @Arg('status', () => LicenceStatus, { nullable: true }) status?: LicenceStatus,
  ): Promise<LicenceRecord[]> {
    const holderId = requireReader(ctx.claims, applicant, 'list their licences');
    const all = await ctx.loaders.licencesByHolder.load(holderId);
    if (!status) return all;
    const today = ctx.services.today();
    return all.filter((l) => effectiveStatus(l.statusCode, l.validTo, today) === status);
  }

  @FieldResolver(() => [Fact], { description: 'Facts from valid licences, for prefilling the applicant’s own forms.' })
  async licenceFacts(@Root() applicant: Applicant, @Ctx() ctx: LicencesContext): Promise<Fact[]> {
    const holderId = requireReader(ctx.claims, applicant, 'read their licence facts');
    const today = ctx.services.today();
    const valid = (await ctx.loaders.licencesByHolder.load(holderId)).filter(
      (l) => effectiveStatus(l.statusCode, l.validTo, today) === LicenceStatus.VALID,
    );
    return licenceFacts(valid, ctx.services.clock().toISOString());
  }
}
