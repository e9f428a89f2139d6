import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '@govgraph/kit';
import { Enterprise, AgentRole, type EnterpriseRecord } from '../enterprise/enterprise.type.js';
import { IdType } from '../person/person.type.js';

export enum AgentAuthorisationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  LAPSED = 'LAPSED',
  ENDED = 'ENDED',
}
registerEnumType(AgentAuthorisationStatus, {
  name: 'AgentAuthorisationStatus',
  description:
    'PENDING: waiting for the named person to accept it; ACCEPTED: they did, and may act for the enterprise within its validity; ' +
    'LAPSED: not accepted in time; ENDED: revoked, or replaced by a newer authorisation of the same person.',
});

export interface AgentAuthorisationRecord {
  id: string;
  enterpriseId: string;
  status: AgentAuthorisationStatus;
  role: AgentRole;
  idType: IdType;
  idNumberMasked: string;
  name: string;
  validFrom: string;
  validTo: string;
  offeredAt: string;
}

@ObjectType({
  description:
    'A legal representative’s authorisation of a person to act for the enterprise, as the representative typed it. ' +
    'It takes effect only once the named person accepts it from their own account; until then nothing in it depends on ' +
    'whether the document exists or matches the name.',
})
export class AgentAuthorisation {
  @Field(() => ID)
  id!: string;

  @Field(() => AgentAuthorisationStatus)
  status!: AgentAuthorisationStatus;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => IdType)
  idType!: IdType;

  @Field(() => String, { description: 'The document number as typed, masked (4403**********1233).' })
  idNumberMasked!: string;

  @Field(() => String, { description: 'The name as typed.' })
  name!: string;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar)
  validTo!: string;

  @Field(() => DateTimeScalar)
  offeredAt!: string;

  @Field(() => Enterprise, { description: 'The enterprise the person would act for (its public register entry).' })
  enterprise!: EnterpriseRecord;
}
