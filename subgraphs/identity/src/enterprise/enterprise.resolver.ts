import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Fact } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { enterpriseFacts } from '../applicant/profile-facts.js';
import { requireSelf } from '../applicant/access.js';
import { Person, type PersonRecord } from '../person/person.type.js';
import { Enterprise, type EnterpriseRecord } from './enterprise.type.js';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  /** Enterprise names are public register data; shown in full. */
  @FieldResolver(() => String)
  displayName(@Root() enterprise: EnterpriseRecord): string {
    return enterprise.name;
  }

  @FieldResolver(() => [Fact])
  async profileFacts(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<Fact[]> {
    requireSelf(ctx.claims, enterprise.id);
    const representative = await ctx.loaders.personById.load(enterprise.legalRepresentativeId);
    return enterpriseFacts(enterprise, representative?.name ?? null, ctx.services.clock().toISOString());
  }

  @FieldResolver(() => Person, { nullable: true })
  async legalRepresentative(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: IdentityContext): Promise<PersonRecord | null> {
    return ctx.loaders.personById.load(enterprise.legalRepresentativeId);
  }
}

