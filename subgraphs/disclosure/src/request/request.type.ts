import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DepartmentStub, PageInfo } from '@govgraph/kit';
import { DisclosureOutcome, DisclosureRefusalGround, DisclosureRequestStatus, DisclosureReviewKind, DisclosureReviewResult } from './request.enums.js';

/** A request as read from its table. Personal: every entry point checks the caller against it. */
export interface RequestRecord {
  id: string;
  /** Whose request it is (P-… or E-…): not a GraphQL field. */
  requesterId: string;
  departmentCode: string;
  status: DisclosureRequestStatus;
  description: string;
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  extendedDays: number | null;
  extensionReason: string | null;
  extendedOn: string | null;
  outcome: DisclosureOutcome | null;
  refusalGround: DisclosureRefusalGround | null;
  repliedOn: string | null;
  feeYuan: number;
}

export interface ReviewRecord {
  id: string;
  requestId: string;
  departmentCode: string;
  kind: DisclosureReviewKind;
  filedOn: string;
  result: DisclosureReviewResult;
  closedOn: string | null;
}

@ObjectType({ description: 'An extension of the time limit to answer (2019 regulation art. 33: at most 20 working days more, once).' })
export class DisclosureExtension {
  @Field(() => Int, { description: 'Working days added to the original time limit.' })
  days!: number;

  @Field(() => String)
  reason!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field(() => DateScalar, { description: 'The due date before the extension: 20 working days after receipt.' })
  originalDueOn!: string;
}

@ObjectType({ description: 'An administrative reconsideration or lawsuit against an answer.' })
export class DisclosureReview {
  @Field(() => ID, { description: 'DV-000001' })
  id!: string;

  @Field(() => DisclosureReviewKind)
  kind!: DisclosureReviewKind;

  @Field(() => DateScalar)
  filedOn!: string;

  @Field(() => DisclosureReviewResult)
  result!: DisclosureReviewResult;

  @Field(() => DateScalar, { nullable: true })
  closedOn!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A request for disclosure of government information (依申请公开): for its requester, and for officers of the department asked.' })
export class DisclosureRequest {
  @Field(() => ID, { description: 'DQ-000001' })
  id!: string;

  @Field(() => DisclosureRequestStatus)
  status!: DisclosureRequestStatus;

  @Field(() => DepartmentStub, { description: 'The department asked; its name comes from the catalog.' })
  department!: DepartmentStub;

  @Field(() => String, { description: 'The information asked for, in the requester’s words.' })
  description!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => DateScalar, { description: 'The last day to answer: 20 working days after receipt, moved by an extension.' })
  dueOn!: string;

  @Field(() => DisclosureExtension, { nullable: true })
  extension!: DisclosureExtension | null;

  @Field(() => DisclosureOutcome, { nullable: true, description: 'Null until answered.' })
  outcome!: DisclosureOutcome | null;

  @Field(() => DisclosureRefusalGround, { nullable: true, description: 'Why something was withheld: only for NOT_DISCLOSED and PARTIALLY_DISCLOSED.' })
  refusalGround!: DisclosureRefusalGround | null;

  @Field(() => DateScalar, { nullable: true })
  repliedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the reply came by the due date; null until answered.' })
  answeredOnTime!: boolean | null;

  @Field(() => Int, { description: 'Fees charged, in yuan: none are.' })
  feeYuan!: number;

  @Field(() => [DisclosureReview], { description: 'Reconsiderations and lawsuits against the answer, earliest first.' })
  reviews!: DisclosureReview[];
}

@ObjectType()
export class DisclosureRequestEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DisclosureRequest)
  node!: DisclosureRequest;
}

@ObjectType({ description: 'A page of requests, earliest due date first.' })
export class DisclosureRequestConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [DisclosureRequestEdge])
  edges!: DisclosureRequestEdge[];
}
