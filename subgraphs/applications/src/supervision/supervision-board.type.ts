import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DepartmentStub, PageInfo } from '@govgraph/kit';
import { ApplicationStatus } from '../application/application.enums.js';
import type { SupervisionScope } from './supervision.repository.js';
import { SupervisionLevel } from './supervision-level.js';

const RATE = 'A fraction from 0 to 1 to four decimals (0.9852 is 98.52 %); 0 when nothing was decided.';

@ObjectType({ description: 'Deadline figures of open cases now, and the on-time rate of this city year’s decisions.' })
export class SupervisionFigures {
  @Field(() => Int, { description: 'Cases waiting for a decision: submitted, accepted, or awaiting the applicant’s correction.' })
  openCases!: number;

  @Field(() => Int, { description: 'YELLOW (黄灯): running cases whose deadline is today or within the warning days (working days after today).' })
  dueSoon!: number;

  @Field(() => Int, { description: 'RED (红灯): running cases whose deadline is before today and still undecided.' })
  overdue!: number;

  @Field(() => Int, { description: 'Cases whose clock is paused while the applicant corrects (补正, CORRECTION_REQUESTED): neither due soon nor overdue until it runs again.' })
  suspended!: number;

  @Field(() => Int, { description: 'Decisions (approvals and rejections) made this city year.' })
  decisionsThisYear!: number;

  @Field(() => Int, { description: 'Of this year’s decisions, those made by their deadline.' })
  decidedOnTimeThisYear!: number;

  @Field(() => Float, { description: `This year’s decisions made by their deadline among all of this year’s decisions (按时办结率). ${RATE}` })
  onTimeRate!: number;
}

@ObjectType({ description: 'One department’s line on the supervision board.' })
export class DepartmentSupervision extends SupervisionFigures {
  @Field(() => DepartmentStub, { description: 'The implementing department; its name comes from the catalog.' })
  department!: DepartmentStub;
}

@ObjectType({
  description: 'A case flagged by electronic supervision: its number, matter, department and deadline, nothing about the applicant (a supervisor watches deadlines, not people).',
})
export class SupervisedCase {
  @Field(() => ID, { description: 'The case’s id.' })
  id!: string;

  @Field(() => String, { description: 'Case number (办件编号).' })
  number!: string;

  @Field(() => String, { description: 'The matter’s code in the catalog.' })
  matterCode!: string;

  @Field(() => String, { description: 'The matter’s name when the case was submitted.' })
  matterName!: string;

  @Field(() => DepartmentStub, { description: 'The department that owes the decision.' })
  department!: DepartmentStub;

  @Field(() => ApplicationStatus, { description: 'SUBMITTED or ACCEPTED: a flagged case’s clock is running.' })
  status!: ApplicationStatus;

  @Field(() => DateScalar, { description: 'Last working day for the decision (a decision on this day is on time).' })
  deadline!: string;

  @Field(() => SupervisionLevel)
  level!: SupervisionLevel;

  @Field(() => Int, { nullable: true, description: 'YELLOW: working days after today up to the deadline (0: due today). Null when RED.' })
  workingDaysLeft!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'RED: working days since the deadline, today included (0 on a day off right after it). Null when YELLOW.',
  })
  workingDaysOverdue!: number | null;
}

@ObjectType()
export class SupervisedCaseEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => SupervisedCase)
  node!: SupervisedCase;
}

@ObjectType({ description: 'The flagged cases, RED before YELLOW, the earliest deadline first (then by id).' })
export class SupervisedCaseConnection {
  @Field(() => Int, { description: 'Flagged cases in the board’s scope: its dueSoon plus overdue.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [SupervisedCaseEdge])
  edges!: SupervisedCaseEdge[];
}

@ObjectType({
  description:
    'Electronic supervision (电子监察): open cases against their legal deadlines, per department, on one city day. Read from the open cases and maintained counters only, so it costs the same whatever the history.',
})
export class SupervisionBoard {
  @Field(() => DateScalar, { description: 'The city day the board is computed for: deadlines before it are overdue.' })
  today!: string;

  @Field(() => Int, { description: 'A running case is due soon (YELLOW) when at most this many working days after today are left.' })
  warningDays!: number;

  @Field(() => Int, { description: 'The city year whose decisions give the on-time rates.' })
  year!: number;

  @Field(() => DepartmentStub, { nullable: true, description: 'The department asked for; null when the board covers every department.' })
  department!: DepartmentStub | null;

  @Field(() => SupervisionFigures, { description: 'The sums over the board’s departments (for a supervisor without a department: the whole hall).' })
  totals!: SupervisionFigures;

  @Field(() => [DepartmentSupervision], {
    description: 'Each department in scope with open cases or decisions this year (the one asked for, always): most overdue first, then most due soon, then most open.',
  })
  departments!: DepartmentSupervision[];

  /** What `flaggedCases` reads; not in the schema. */
  scope!: SupervisionScope;
}
