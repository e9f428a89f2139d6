import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { districtName, Fact, maskValue } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { canReadPersonal, maskIdNumber, maskMobile, maskName, requireMasked, requirePersonal, requireSelf, requireSelfPerson } from '../applicant/access.js';
import { personFacts } from '../applicant/profile-facts.js';
import { EnterpriseRole } from '../enterprise/enterprise.type.js';
import { Address } from './address.type.js';
import { Gender, IdType } from './person.enums.js';
import { Person, type PersonRecord } from './person.type.js';

/** Every field beyond id and kind is personal: the person, or an officer through their case. */
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => ID)
  id(@Root() person: PersonRecord): string {
    return person.referenceId ?? person.id;
  }

  @FieldResolver(() => String)
  displayName(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    // The person behind the token sees their own name even while acting for their company.
    const own = ctx.claims?.personId === person.id && !person.referenceId;
    return own || canReadPersonal(ctx.claims, person) ? person.name : maskName(person.name);
  }

  @FieldResolver(() => [Fact])
  profileFacts(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Fact[] {
    requireSelf(ctx.claims, person.id);
    return personFacts(person, ctx.services.clock().toISOString());
  }

  @FieldResolver(() => String)
  name(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    // A legal representative's name is public register data; a case in a list shows it masked.
    if (person.basis?.kind === 'publicRegister' || canReadPersonal(ctx.claims, person)) return person.name;
    requireMasked(ctx.claims, person);
    return maskName(person.name);
  }

  @FieldResolver(() => Gender)
  gender(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Gender {
    requirePersonal(ctx.claims, person);
    return person.gender;
  }

  @FieldResolver(() => String)
  birthDate(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    requirePersonal(ctx.claims, person);
    return person.birthDate;
  }

  @FieldResolver(() => IdType)
  idType(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): IdType {
    requirePersonal(ctx.claims, person);
    return person.idType;
  }

  @FieldResolver(() => String)
  idNumberMasked(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    requireMasked(ctx.claims, person);
    return maskIdNumber(person.idNumber);
  }

  @FieldResolver(() => String)
  mobileMasked(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): string {
    requireMasked(ctx.claims, person);
    return maskMobile(person.mobile);
  }

  @FieldResolver(() => Address, { nullable: true })
  address(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Address {
    const full = canReadPersonal(ctx.claims, person);
    if (!full) requireMasked(ctx.claims, person);
    return { divisionCode: person.divisionCode, divisionName: districtName(person.divisionCode), detail: full ? person.addressDetail : maskValue(person.addressDetail) };
  }

  @FieldResolver(() => [EnterpriseRole], { description: 'Enterprises the person may act for today. The person only.' })
  async enterprises(@Root() person: PersonRecord, @Ctx() ctx: IdentityContext): Promise<EnterpriseRole[]> {
    requireSelfPerson(ctx.claims, person.id);
    return ctx.loaders.enterpriseLinksByPerson.load(person.id);
  }
}
