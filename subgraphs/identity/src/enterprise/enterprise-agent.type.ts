import { Field, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';
import { IdType } from '../person/person.enums.js';
import { Person, type PersonRecord } from '../person/person.type.js';
import { AgentRole } from './enterprise.enums.js';

export interface EnterpriseAgentRecord {
  enterpriseId: string;
  person: PersonRecord;
  role: AgentRole;
  validFrom: string;
  validTo: string | null;
}

@ObjectType({ description: 'A person who may act for an enterprise: its legal representative or an authorised agent.' })
export class EnterpriseAgent {
  @Field(() => Person)
  person!: PersonRecord;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Null: until revoked.' })
  validTo!: string | null;
}

@InputType({ description: 'The legal representative, acting for the enterprise, authorises a person by their identity document.' })
export class AuthoriseAgentInput {
  @Field(() => IdType, { defaultValue: IdType.RESIDENT_ID })
  idType!: IdType;

  @Field(() => String)
  idNumber!: string;

  @Field(() => String, { description: 'The name on the document. Only the person it names, with that name, can accept the authorisation.' })
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  validFrom?: string;

  @Field(() => DateScalar)
  validTo!: string;
}
