import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '@govgraph/kit';
import { AgentRole } from '../enterprise/enterprise.enums.js';
import { Enterprise, type EnterpriseRecord } from '../enterprise/enterprise.type.js';
import { IdType } from '../person/person.enums.js';
import { AgentAuthorisationStatus } from './agent-authorisation.enums.js';

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
