import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { requireSelf, requireSelfPerson } from '../applicant/access.js';
import { Enterprise, type EnterpriseRecord } from '../enterprise/enterprise.type.js';
import { Person, type PersonRecord } from '../person/person.type.js';
import { AgentAuthorisation, type AgentAuthorisationRecord } from './agent-authorisation.type.js';

/** The person sees the authorisations offered to them, to accept one. */
@Resolver(() => Person)
export class PersonAgentOffersResolver {
  @FieldResolver(() => [AgentAuthorisation], {
    description: 'Authorisations enterprises offered this person that they can still accept (acceptAgentAuthorisation). The person only.',
  })
  async agentAuthorisationOffers(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Promise<AgentAuthorisationRecord[]> {
    requireSelfPerson(ctx.claims, person.id);
    return ctx.services.authorisations.openOffersTo(person.id, ctx.services.clock());
  }
}

/** The enterprise sees what its legal representative offered, exactly as typed. */
@Resolver(() => Enterprise)
export class EnterpriseAgentOffersResolver {
  @FieldResolver(() => [AgentAuthorisation], {
    description:
      'Agent authorisations the legal representative offered, newest first (the last 50), as typed: name, masked number, ' +
      'validity and status. Until the named person accepts, nothing here depends on whether the document exists. The enterprise only.',
  })
  async agentAuthorisations(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<AgentAuthorisationRecord[]> {
    requireSelf(ctx.claims, enterprise.id);
    return ctx.services.authorisations.offersOf(enterprise.id, ctx.services.clock());
  }
}
