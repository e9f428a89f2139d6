import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, Fact, NotFoundError, isCreditCode } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { requireSelf } from '../applicant/access.js';
import { enterpriseFacts, personFacts } from '../applicant/profile-facts.js';
import { Person, type PersonRecord } from '../person/person.type.js';
import { EnterpriseAgent, type EnterpriseAgentRecord } from './enterprise-agent.type.js';
import { Enterprise, type EnterpriseRecord } from './enterprise.type.js';

/**
 * Name, code, type, status and legal representative are public register data (企业信用信息公示);
 * profile facts and agents are the enterprise's own.
 */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'The public register entry of an enterprise, by unified social credit code.' })
  async enterprise(@Arg('creditCode', () => String) creditCode: string, @Ctx() ctx: IdentityContext): Promise<EnterpriseRecord> {
    if (creditCode.length !== 18 || !isCreditCode(creditCode)) {
      throw new BadUserInputError('creditCode is not a valid unified social credit code (GB 32100)', 'creditCode');
    }
    const enterprise = await ctx.services.enterprises.byCreditCode(creditCode);
    if (!enterprise) throw new NotFoundError('Enterprise', creditCode);
    return enterprise;
  }

  @FieldResolver(() => ID)
  id(@Root() enterprise: EnterpriseRecord): string {
    return enterprise.referenceId ?? enterprise.id;
  }

  @FieldResolver(() => String)
  displayName(@Root() enterprise: EnterpriseRecord): string {
    return enterprise.name;
  }

  /**
   * The enterprise's register facts, and — for the person acting for it (its legal representative
   * or an agent) — that person's own facts: a form's contact person (联系人, 联系电话) is whoever
   * applies, not the enterprise. Each fact keeps the provenance of the record it comes from.
   */
  @FieldResolver(() => [Fact])
  async profileFacts(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<Fact[]> {
    requireSelf(ctx.claims, enterprise.id);
    const actingPersonId = ctx.claims?.personId;
    const [representative, actingPerson] = await Promise.all([
      ctx.loaders.personById.load(enterprise.legalRepresentativeId),
      actingPersonId ? ctx.loaders.personById.load(actingPersonId) : null,
    ]);
    const retrievedAt = ctx.services.clock().toISOString();
    return [...enterpriseFacts(enterprise, representative?.name ?? null, retrievedAt), ...(actingPerson ? personFacts(actingPerson, retrievedAt, { asApplicant: false }) : [])];
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Public register: only the name is visible to others.' })
  async legalRepresentative(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<PersonRecord | null> {
    const person = await ctx.loaders.personById.load(enterprise.legalRepresentativeId);
    return person ? { ...person, basis: { kind: 'publicRegister' } } : null;
  }

  @FieldResolver(() => [EnterpriseAgent], { description: 'Who may act for the enterprise, and until when. The enterprise only.' })
  async agents(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<EnterpriseAgentRecord[]> {
    requireSelf(ctx.claims, enterprise.id);
    return ctx.services.enterprises.agentsOf(enterprise.id);
  }
}
