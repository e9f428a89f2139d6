import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Fact } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { isSelf, maskIdNumber, maskMobile, maskName, requireSelf } from '../applicant/access.js';
import { personFacts } from '../applicant/profile-facts.js';
import { EnterpriseRole } from '../enterprise/enterprise.type.js';
import { districtName } from '@govgraph/kit';
import { Address } from './address.type.js';
import { Person, type PersonRecord } from './person.type.js';

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String)
  displayName(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    return isSelf(ctx.claims, person.id) ? person.name : maskName(person.name);
  }

  @FieldResolver(() => [Fact])
  profileFacts(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Fact[] {
    requireSelf(ctx.claims, person.id);
    return personFacts(person, ctx.services.clock().toISOString());
  }

  @FieldResolver(() => String)
  name(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    requireSelf(ctx.claims, person.id);
    return person.name;
  }

  @FieldResolver(() => String)
  idNumberMasked(@Root() person: PersonRecord): string {
    return maskIdNumber(person.idNumber);
  }

  @FieldResolver(() => String)
  mobileMasked(@Root() person: PersonRecord): string {
    return maskMobile(person.mobile);
  }

  @FieldResolver(() => Address, { nullable: true })
  address(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Address {
    requireSelf(ctx.claims, person.id);
    return { divisionCode: person.divisionCode, divisionName: districtName(person.divisionCode), detail: person.addressDetail };
  }

  @FieldResolver(() => [EnterpriseRole], { description: 'Enterprises the person may act for today.' })
  async enterprises(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Promise<EnterpriseRole[]> {
    requireSelf(ctx.claims, person.id);
    return ctx.loaders.enterpriseLinksByPerson.load(person.id);
  }
}
