import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';
import type { ApplicantKind } from '../applicant/applicant.enums.js';
import { Applicant } from '../applicant/applicant.interface.js';
import { Gender, IdType } from './person.enums.js';
import type { Reachable } from '../applicant/access.js';

/** A person as identity stores them (not a GraphQL type: fields are exposed through the resolver). */
export interface PersonRecord extends Reachable {
  kind: ApplicantKind.PERSON;
  id: string;
  idType: IdType;
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  mobile: string;
  email: string | null;
  divisionCode: string;
  addressDetail: string;
  updatedAt: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Applicant, description: 'A natural person.' })
export class Person extends Applicant {
  @Field(() => String)
  name!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => IdType)
  idType!: IdType;

  @Field(() => String, { description: 'e.g. 4403**********1233: the full number never leaves identity except as a profile fact.' })
  idNumberMasked!: string;

  @Field(() => String, { description: 'e.g. 138****8000.' })
  mobileMasked!: string;
}
