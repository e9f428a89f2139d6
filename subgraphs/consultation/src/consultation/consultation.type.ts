import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DepartmentStub, PageInfo } from '@govgraph/kit';
import { Matter } from '../matter/matter.type.js';
import { ConsultationChannel, ConsultationStatus } from './consultation.enums.js';

/** A consultation (咨询) as the repository reads it: the GraphQL fields and whose it is. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A question put to a department (咨询) and its answer. Only the asker, and officers of its department, read it.' })
export class Consultation {
  @Field(() => ID, { description: 'CQ-000001' })
  id!: string;

  @Field(() => ConsultationChannel)
  channel!: ConsultationChannel;

  @Field(() => ConsultationStatus)
  status!: ConsultationStatus;

  @Field(() => DepartmentStub, { description: 'The department asked.' })
  department!: DepartmentStub;

  @Field(() => Matter, { nullable: true, description: 'The matter asked about, when there is one.' })
  matter!: Matter | null;

  @Field(() => String)
  question!: string;

  @Field(() => DateTimeScalar)
  askedAt!: string;

  @Field(() => DateTimeScalar, { description: 'The end (23:59:59 city time) of the next working day after asking.' })
  dueAt!: string;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  answeredAt!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it was answered by its due time; null while waiting.' })
  answeredInTime!: boolean | null;

  /** Whose it is (null when anonymous) and which department keeps it: every entry point checks them. Not GraphQL fields. */
  applicantId!: string | null;
  departmentCode!: string;
  matterCode!: string | null;
}

@ObjectType()
export class ConsultationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Consultation)
  node!: Consultation;
}

@ObjectType()
export class ConsultationConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [ConsultationEdge])
  edges!: ConsultationEdge[];
}
