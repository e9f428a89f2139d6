import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DepartmentStub } from '@govgraph/kit';
import { Matter } from '../matter/matter.type.js';
import { ConsultationComplaintOutcome } from './complaint.enums.js';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A complaint (投诉) about a department, coordinated by the hall office. Only the complainant, officers of the department and of the hall office read it.',
})
export class ConsultationComplaint {
  @Field(() => ID, { description: 'CC-000001' })
  id!: string;

  @Field(() => DepartmentStub, { description: 'The department complained about.' })
  department!: DepartmentStub;

  @Field(() => Matter, { nullable: true })
  matter!: Matter | null;

  @Field(() => String)
  subject!: string;

  @Field(() => DateTimeScalar)
  receivedAt!: string;

  @Field(() => Boolean, { description: 'Whether the hall office coordinated between the complainant and the department (协调).' })
  coordinated!: boolean;

  @Field(() => ConsultationComplaintOutcome, { nullable: true, description: 'Null while open.' })
  outcome!: ConsultationComplaintOutcome | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => Int, { nullable: true, description: "The complainant's rating of the handling, 1 to 5, once closed." })
  rating!: number | null;

  /** Whose it is and the department complained about: every entry point checks them. Not GraphQL fields. */
  applicantId!: string;
  departmentCode!: string;
}
