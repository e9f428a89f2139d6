import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Fact, requireApplicant } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import { LicenceStatus, effectiveStatus } from '../licence/licence-status.js';
import { Licence, type LicenceRecord } from '../licence/licence.type.js';
import { Applicant } from './applicant.type.js';
import { licenceFacts } from './licence-facts.js';

@Resolver(() => Applicant)
export class ApplicantLicencesResolver {
  @FieldResolver(() => [Licence], { description: "The applicant's licences, optionally only those with the given current status." })
  async licences(
    @Root() applicant: Applicant,
    @Ctx() ctx: LicencesContext,
    @Arg('status', () => LicenceStatus, { nullable: true }) status?: LicenceStatus,
  ): Promise<LicenceRecord[]> {
    requireApplicant(ctx.claims, applicant.id, 'list their licences');
    const all = await ctx.loaders.licencesByHolder.load(applicant.id);
    if (!status) return all;
    const today = ctx.services.today();
    return all.filter((l) => effectiveStatus(l.statusCode, l.validTo, today) === status);
  }

  @FieldResolver(() => [Fact], { description: 'Facts from valid licences, for prefilling the applicant’s own forms.' })
  async licenceFacts(@Root() applicant: Applicant, @Ctx() ctx: LicencesContext): Promise<Fact[]> {
    requireApplicant(ctx.claims, applicant.id, 'read their licence facts');
    const today = ctx.services.today();
    const valid = (await ctx.loaders.licencesByHolder.load(applicant.id)).filter(
      (l) => effectiveStatus(l.statusCode, l.validTo, today) === LicenceStatus.VALID,
    );
    return licenceFacts(valid, ctx.services.clock().toISOString());
  }
}
