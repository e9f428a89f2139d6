import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ForbiddenError, NotFoundError, UnauthenticatedError, checkText, personalIdProblem } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import type { EnterpriseRecord } from './enterprise.type.js';
import { AgentRole } from './enterprise.type.js';
import { AuthoriseAgentInput, EnterpriseAgent, type EnterpriseAgentRecord } from './enterprise-agent.type.js';

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

@Resolver(() => EnterpriseAgent)
export class EnterpriseAgentResolver {
  @Authorized()
  @Mutation(() => EnterpriseAgent, { description: 'Authorises a person, named by identity document, to act for the enterprise until validTo.' })
  async authoriseAgent(@Arg('input', () => AuthoriseAgentInput) input: AuthoriseAgentInput, @Ctx() ctx: IdentityContext): Promise<EnterpriseAgentRecord> {
    const enterprise = await requireLegalRepresentative(ctx);
    checkText(input.idNumber, 'input.idNumber', { max: 32 });
    checkText(input.name, 'input.name', { min: 1, max: 100 });
    const problem = personalIdProblem(input.idType, input.idNumber);
    if (problem) throw new BadUserInputError(`input.idNumber ${problem}`, 'input.idNumber');
    const today = ctx.services.today();
    const validFrom = input.validFrom ?? today;
    if (input.validTo < validFrom) throw new BadUserInputError('input.validTo is before validFrom', 'input.validTo');
    if (input.validTo > addYears(validFrom, MAX_AUTHORISATION_YEARS)) {
      throw new BadUserInputError(`input.validTo is more than ${MAX_AUTHORISATION_YEARS} years after validFrom`, 'input.validTo');
    }
    const person = await ctx.services.persons.byIdDocument(input.idType, input.idNumber);
    // Same answer for an unknown document and a wrong name: the mutation is no lookup service.
    if (!person || person.name !== input.name) throw new NotFoundError('Person with that document and name', input.idType);
    if (person.id === enterprise.legalRepresentativeId) throw new BadUserInputError('The legal representative needs no authorisation', 'input.idNumber');

    await ctx.services.enterprises.upsertAgent({ enterpriseId: enterprise.id, personId: person.id, role: AgentRole.AUTHORISED_AGENT, validFrom, validTo: input.validTo });
    ctx.log.info({ enterpriseId: enterprise.id, agentId: person.id }, 'agent authorised');
    return { enterpriseId: enterprise.id, person: { ...person, basis: { kind: 'publicRegister' } }, role: AgentRole.AUTHORISED_AGENT, validFrom, validTo: input.validTo };
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends an authorised agent’s authorisation as of yesterday.' })
  async revokeAgent(@Arg('personId', () => ID) personId: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const enterprise = await requireLegalRepresentative(ctx);
    checkText(personId, 'personId', { max: 32 });
    const yesterday = new Date(Date.parse(`${ctx.services.today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const ended = await ctx.services.enterprises.endAgent(enterprise.id, personId, AgentRole.AUTHORISED_AGENT, yesterday);
    if (!ended) throw new NotFoundError('Agent', personId);
    ctx.log.info({ enterpriseId: enterprise.id, agentId: personId }, 'agent revoked');
    return true;
  }
}
