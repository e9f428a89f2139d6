import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';
import { ExampleBureauRecordStatus } from './record.enums.js';

/**
 * The example entity: one record the example bureau department keeps about an applicant. Type names
 * are prefixed with the department, because every subgraph's types share one graph.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A record the example bureau department keeps about an applicant.' })
export class ExampleBureauRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ExampleBureauRecordStatus)
  status!: ExampleBureauRecordStatus;

  @Field(() => DateScalar, { description: 'When it was recorded (a city date).' })
  recordedOn!: string;

  @Field(() => String, { description: 'The department that keeps the record, as the hall names it.' })
  department!: string;

  /** Whose record it is: every entry point checks it against the caller. Not a GraphQL field. */
  applicantId!: string;
}
