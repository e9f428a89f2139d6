import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PAGE_FIRST, PAGE_LAST, UnauthenticatedError, argumentGiven } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { dataAccessPage } from '../data-access/data-access-log.js';
import { DataAccessConnection } from '../data-access/data-access.type.js';
import { requireSelf } from './access.js';
import { Applicant } from './applicant.interface.js';
import type { ApplicantRecord } from './applicant.loader.js';

@Resolver(() => Applicant)
export class ApplicantResolver {
  @Query(() => Applicant, { nullable: true, description: 'The applicant the caller acts as: themself, or an enterprise they represent.' })
  async me(@Ctx() ctx: IdentityContext): Promise<ApplicantRecord | null> {
    if (!ctx.claims?.applicantId) throw new UnauthenticatedError();
    return ctx.loaders.applicantById.load(ctx.claims.applicantId);
  }

  @FieldResolver(() => DataAccessConnection, {
    description: 'Who read this applicant’s data, when, for which case and which fields (the data tracker). The applicant only.',
  })
  dataAccessLog(
    @Root() applicant: ApplicantRecord,
    @Ctx() ctx: IdentityContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number,
    @Arg('before', () => String, { nullable: true }) before?: string,
  ): Promise<DataAccessConnection> {
    requireSelf(ctx.claims, applicant.id);
    return dataAccessPage(ctx.services.dataAccess, applicant.id, { first: argumentGiven(info, 'first') ? first : null, after, last, before });
  }
}
