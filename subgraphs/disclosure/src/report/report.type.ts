import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DepartmentStub } from '@govgraph/kit';
import { DisclosureCategory, DisclosureChannel } from '../release/release.enums.js';
import { DisclosureOutcome } from '../request/request.enums.js';

/** Which report: the entity's key. Every section is resolved from it. */
export interface ReportKey {
  departmentCode: string;
  year: number;
}

@ObjectType({ description: 'Releases of a category in the year.' })
export class DisclosureCategoryCount {
  @Field(() => DisclosureCategory)
  category!: DisclosureCategory;

  @Field(() => Int)
  releases!: number;
}

@ObjectType({ description: 'A channel in the year: the releases published on it, and its own figures.' })
export class DisclosureChannelFigures {
  @Field(() => DisclosureChannel)
  channel!: DisclosureChannel;

  @Field(() => Int, { description: 'Releases of the year published on this channel.' })
  releases!: number;

  @Field(() => Int, { description: 'Everything the channel posted in the year (WeChat posts more than the releases).' })
  posts!: number;

  @Field(() => Int, { nullable: true, description: 'Followers at the end of the year, for channels that have them.' })
  followers!: number | null;
}

@ObjectType({ description: '主动公开: what the department published of its own accord in the year.' })
export class DisclosureProactiveSection {
  @Field(() => Int, { description: 'Releases published in the year.' })
  total!: number;

  @Field(() => [DisclosureCategoryCount], { description: 'Every category, zeros included, in enum order.' })
  byCategory!: DisclosureCategoryCount[];

  @Field(() => [DisclosureChannelFigures], { description: 'Every channel, in enum order.' })
  byChannel!: DisclosureChannelFigures[];
}

@ObjectType({ description: 'Requests answered in the year with an outcome.' })
export class DisclosureOutcomeCount {
  @Field(() => DisclosureOutcome)
  outcome!: DisclosureOutcome;

  @Field(() => Int)
  requests!: number;
}

@ObjectType({ description: '依申请公开: requests for disclosure in the year.' })
export class DisclosureOnRequestSection {
  @Field(() => Int, { description: 'Received before the year and still unanswered on 1 January.' })
  carriedOver!: number;

  @Field(() => Int, { description: 'Received in the year.' })
  received!: number;

  @Field(() => Int, { description: 'Replied to in the year.' })
  answered!: number;

  @Field(() => Int, { description: 'Replied to in the year by the due date.' })
  answeredOnTime!: number;

  @Field(() => Int, { description: 'Time limits extended in the year.' })
  extended!: number;

  @Field(() => Int, { description: 'Unanswered at the end of the year (carried over to the next).' })
  pending!: number;

  @Field(() => [DisclosureOutcomeCount], { description: 'The replies of the year by outcome: every outcome, zeros included, in enum order.' })
  byOutcome!: DisclosureOutcomeCount[];
}

@ObjectType({ description: '收费: fees for answering requests replied to in the year.' })
export class DisclosureFeesSection {
  @Field(() => Int)
  requestsCharged!: number;

  @Field(() => Int)
  totalYuan!: number;
}

@ObjectType({ description: 'Reviews of one kind filed in the year, by how they stood at its end.' })
export class DisclosureReviewCounts {
  @Field(() => Int)
  filed!: number;

  @Field(() => Int, { description: '维持: the answer was upheld.' })
  maintained!: number;

  @Field(() => Int, { description: '纠正: the answer was corrected.' })
  corrected!: number;

  @Field(() => Int, { description: '其他结果: another result.' })
  other!: number;

  @Field(() => Int, { description: '尚未审结: not concluded by the end of the year.' })
  pending!: number;
}

@ObjectType({ description: '行政复议和行政诉讼: reconsiderations and lawsuits against answers, filed in the year.' })
export class DisclosureReviewSection {
  @Field(() => DisclosureReviewCounts)
  reconsiderations!: DisclosureReviewCounts;

  @Field(() => DisclosureReviewCounts)
  litigations!: DisclosureReviewCounts;
}

@Directive('@key(fields: "departmentCode year")')
@ObjectType({
  description:
    'The annual report on government information disclosure (政府信息公开年度报告) of a department for a calendar year: aggregates only, public. Other departments add their sections by the same key.',
})
export class AnnualReport {
  @Field(() => String, { description: 'The department’s unified social credit code.' })
  departmentCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => DepartmentStub, { description: 'Its name comes from the catalog.' })
  department!: DepartmentStub;

  @Field(() => DisclosureProactiveSection)
  proactiveDisclosure!: DisclosureProactiveSection;

  @Field(() => DisclosureOnRequestSection)
  disclosureOnRequest!: DisclosureOnRequestSection;

  @Field(() => DisclosureFeesSection)
  disclosureFees!: DisclosureFeesSection;

  @Field(() => DisclosureReviewSection)
  disclosureReviews!: DisclosureReviewSection;
}
