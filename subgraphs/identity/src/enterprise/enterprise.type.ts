import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';
import type { ApplicantKind } from '../applicant/applicant.enums.js';
import { Applicant } from '../applicant/applicant.interface.js';
import { AgentRole } from './enterprise.enums.js';
import type { Reachable } from '../applicant/access.js';

export interface EnterpriseRecord extends Reachable {
  kind: ApplicantKind.ENTERPRISE;
  id: string;
  creditCode: string;
  name: string;
  entityType: string;
  legalRepresentativeId: string;
  divisionCode: string;
  addressDetail: string;
  establishedOn: string;
  status: string;
  updatedAt: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ implements: Applicant, description: 'An enterprise or other organisation with a unified social credit code.' })
export class Enterprise extends Applicant {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Unified social credit code (GB 32100).' })
  creditCode!: string;

  @Field(() => String, { description: 'e.g. 有限责任公司.' })
  entityType!: string;

  @Field(() => DateScalar)
  establishedOn!: string;

  @Field(() => String, { description: 'e.g. 存续.' })
  status!: string;
}

@ObjectType({ description: 'An enterprise the person may act for, and in which role.' })
export class EnterpriseRole {
  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => Enterprise)
  enterprise!: EnterpriseRecord;
}
