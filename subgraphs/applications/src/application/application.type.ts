import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, PageInfo, Provenance } from '@govgraph/kit';
import { Evidence } from '../prefill/prefill.type.js';
import { ApplicationStatus, SubmissionChannel } from './application.enums.js';

@ObjectType({ description: 'A value of the submitted form, with where it came from.' })
export class ApplicationField {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}

@ObjectType({ description: 'A material of the case and the licences or documents given for it.' })
export class ApplicationMaterial {
  @Field(() => String)
  requirementCode!: string;

  @Field(() => [Evidence], { description: 'Licences show their current status, as the licence library holds it now.' })
  evidence!: Array<typeof Evidence>;
}

@ObjectType({ description: 'One step of the case: who moved it, when, to which status, and why.' })
export class ApplicationHistoryEntry {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => String, { description: '申请人, 系统 (instant decisions, licence issued) or the officer’s department and account.' })
  actor!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A case (办件): one submission of a matter by an applicant, from submission to completion.' })
export class Application {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Case number (办件编号) shown to the applicant.' })
  number!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => SubmissionChannel)
  channel!: SubmissionChannel;

  @Field(() => DateTimeScalar)
  submittedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: string | null;

  @Field(() => DateScalar, {
    description: 'Last working day for the decision: the promised time limit in working days, moved by the days a correction request paused the clock.',
  })
  deadline!: string;

  @Field(() => Int, { description: 'Working days the clock was paused for corrections (补正).' })
  pausedDays!: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the decision came by the deadline; null until decided.' })
  onTime!: boolean | null;
}

@ObjectType()
export class ApplicationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Application)
  node!: Application;
}

@ObjectType()
export class ApplicationConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [ApplicationEdge])
  edges!: ApplicationEdge[];
}
