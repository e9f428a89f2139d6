import { Ctx, Query, Resolver } from 'type-graphql';
import { UnauthenticatedError } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { Applicant } from './applicant.interface.js';
import type { ApplicantRecord } from './applicant.loader.js';

@Resolver(() => Applicant)
export class ApplicantResolver {
  @Query(() => Applicant, { nullable: true, description: 'The applicant the caller acts as: themself, or an enterprise they represent.' })
  async me(@Ctx() ctx: IdentityContext): Promise<ApplicantRecord | null> {
    if (!ctx.claims?.applicantId) throw new UnauthenticatedError();
    return ctx.loaders.applicantById.load(ctx.claims.applicantId);
  }
}
