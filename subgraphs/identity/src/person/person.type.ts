import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';
import { Applicant, ApplicantKind } from '../applicant/applicant.interface.js';
import type { Reachable } from '../applicant/access.js';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

export enum IdType {
  RESIDENT_ID = 'RESIDENT_ID',
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT',
  TAIWAN_PERMIT = 'TAIWAN_PERMIT',
  PASSPORT = 'PASSPORT',
}
registerEnumType(IdType, { name: 'IdType', description: '居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, or passport.' });

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
