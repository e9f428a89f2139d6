import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ForbiddenError, NotFoundError, UnauthenticatedError, checkText } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { Enterprise, type EnterpriseRecord } from '../enterprise/enterprise.type.js';
import { AgentAuthorisation, type AgentAuthorisationRecord } from './agent-authorisation.type.js';

@Resolver(() => AgentAuthorisation)
export class AgentAuthorisationResolver {
  @Authorized()
  @Mutation(() => AgentAuthorisation, {
    description:
      'The person named in an authorisation accepts it, acting as themself: from then on they may act for the enterprise ' +
      '(actAs) within its validity, replacing any earlier authorisation of theirs for it. NOT_FOUND for an id that is not ' +
      'an open offer to the caller.',
  })
  async acceptAgentAuthorisation(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<AgentAuthorisationRecord> {
    const claims = ctx.claims;
    if (!claims?.personId) throw new UnauthenticatedError();
    if (claims.applicantId !== claims.personId) throw new ForbiddenError('Act as yourself to accept an authorisation');
    checkText(id, 'id', { max: 40 });
    const now = ctx.services.clock();
    const accepted = await ctx.services.authorisations.accept(id, claims.personId, now, ctx.services.today());
    // The same answer for an unknown id, one naming someone else, and one already taken or lapsed.
    if (!accepted) throw new NotFoundError('Authorisation offered to you', id);
    if (accepted.replaced) {
      await ctx.services.authorisationEvents.publish({
        authorisationId: accepted.replaced,
        enterpriseId: accepted.authorisation.enterpriseId,
        reason: 'replaced',
        endedAt: now.toISOString(),
      });
    }
    ctx.log.info({ accountId: claims.accountId, enterpriseId: accepted.authorisation.enterpriseId, authorisationId: id }, 'agent authorisation accepted');
    return accepted.authorisation;
  }

  @FieldResolver(() => Enterprise)
  async enterprise(@Root() authorisation: AgentAuthorisationRecord, @Ctx() ctx: IdentityContext): Promise<EnterpriseRecord> {
    const enterprise = await ctx.loaders.enterpriseById.load(authorisation.enterpriseId);
    if (!enterprise) throw new NotFoundError('Enterprise', authorisation.enterpriseId);
    return enterprise;
  }
}
