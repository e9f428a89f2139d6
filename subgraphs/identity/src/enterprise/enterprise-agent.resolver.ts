import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, checkText, personalIdProblem } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { maskIdNumber } from '../applicant/access.js';
import { AgentAuthorisation, type AgentAuthorisationRecord } from '../authorisation/agent-authorisation.type.js';
import type { EnterpriseRecord } from './enterprise.type.js';
import { AuthoriseAgentInput } from './enterprise-agent.type.js';

const MAX_AUTHORISATION_YEARS = 5;

/** Only the legal representative, acting for the enterprise, manages its agents. */
async function requireLegalRepresentative(ctx: IdentityContext): Promise<EnterpriseRecord> {
  const claims = ctx.claims;
  if (!claims?.personId) throw new UnauthenticatedError();
  const enterprise = claims.applicantId?.startsWith('E-') ? await ctx.loaders.enterpriseById.load(claims.applicantId) : null;
  if (!enterprise || enterprise.legalRepresentativeId !== claims.personId) {
    throw new ForbiddenError('Act for the enterprise as its legal representative to manage its agents');
  }
  return enterprise;
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

@Resolver()
export class EnterpriseAgentResolver {
  /**
   * Not a lookup service: whether the document exists and matches the name changes nothing in
   * the answer or in what the representative can see afterwards. The authorisation waits for the
   * named person to accept it from their own account (acceptAgentAuthorisation); only then does
   * the representative see an agent.
   */
  @Authorized()
  @Mutation(() => AgentAuthorisation, {
    description:
      'Offers a person, named by identity document and name, authorisation to act for the enterprise until validTo. ' +
      'It is PENDING until that person accepts it from their own account; the answer is the same whether or not the ' +
      'document exists or matches the name. RATE_LIMITED after IDENTITY_AGENT_OFFERS_PER_DAY attempts a day per enterprise.',
  })
  async authoriseAgent(@Arg('input', () => AuthoriseAgentInput) input: AuthoriseAgentInput, @Ctx() ctx: IdentityContext): Promise<AgentAuthorisationRecord> {
    const enterprise = await requireLegalRepresentative(ctx);
    const attempt = { enterpriseId: enterprise.id, accountId: ctx.claims!.accountId };
    try {
      await ctx.services.agentOffers.admit(enterprise.id);
    } catch (error) {
      if (error instanceof RateLimitedError) ctx.log.warn({ ...attempt, outcome: 'rate-limited' }, 'agent authorisation attempt');
      throw error;
    }
    let validFrom: string;
    try {
      checkText(input.idNumber, 'input.idNumber', { max: 32 });
      checkText(input.name, 'input.name', { min: 1, max: 100 });
      const problem = personalIdProblem(input.idType, input.idNumber);
      if (problem) throw new BadUserInputError(`input.idNumber ${problem}`, 'input.idNumber');
      validFrom = input.validFrom ?? ctx.services.today();
      if (input.validTo < validFrom) throw new BadUserInputError('input.validTo is before validFrom', 'input.validTo');
      if (input.validTo > addYears(validFrom, MAX_AUTHORISATION_YEARS)) {
        throw new BadUserInputError(`input.validTo is more than ${MAX_AUTHORISATION_YEARS} years after validFrom`, 'input.validTo');
      }
    } catch (error) {
      // The refusal depends on what was typed only (format, check character, dates), never on stored data.
      ctx.log.info({ ...attempt, outcome: 'invalid' }, 'agent authorisation attempt');
      throw error;
    }
    const person = await ctx.services.persons.byIdDocument(input.idType, input.idNumber);
    // The legal representative needs no authorisation: an offer naming them is one nobody can accept.
    const matched = person && person.name === input.name && person.id !== enterprise.legalRepresentativeId ? person : null;
    const offer = await ctx.services.authorisations.offer(
      {
        enterpriseId: enterprise.id,
        offeredByAccountId: ctx.claims!.accountId,
        idType: input.idType,
        idNumberMasked: maskIdNumber(input.idNumber),
        name: input.name,
        personId: matched?.id ?? null,
        validFrom,
        validTo: input.validTo,
      },
      ctx.services.clock(),
    );
    // Ids only: never the name or number typed. Whether it matched is for the audit, not the caller.
    ctx.log.info({ ...attempt, outcome: 'offered', authorisationId: offer.id, personId: matched?.id ?? null }, 'agent authorisation attempt');
    return offer;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Ends an authorised agent’s authorisation as of yesterday: tokens acting under it stop working at once.',
  })
  async revokeAgent(@Arg('personId', () => ID) personId: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const enterprise = await requireLegalRepresentative(ctx);
    checkText(personId, 'personId', { max: 32 });
    const now = ctx.services.clock();
    const { found, ended } = await ctx.services.authorisations.revoke(enterprise.id, personId, dayBefore(ctx.services.today()), now);
    if (!found) throw new NotFoundError('Agent', personId);
    if (ended) await ctx.services.authorisationEvents.publish({ authorisationId: ended, enterpriseId: enterprise.id, reason: 'revoked', endedAt: now.toISOString() });
    ctx.log.info({ enterpriseId: enterprise.id, agentId: personId, authorisationId: ended }, 'agent revoked');
    return true;
  }
}
