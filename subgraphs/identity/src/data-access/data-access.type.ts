import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, PageInfo } from '@govgraph/kit';

/** Departments belong to the catalog; the log names one by code. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Department {
  @Field(() => ID)
  code!: string;
}

@ObjectType({ description: 'One read of the applicant’s data by someone else: who, when, for what, which fields.' })
export class DataAccess {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String, { description: 'The official who read it.' })
  accessor!: string;

  @Field(() => Department, { nullable: true })
  department!: Department | null;

  @Field(() => String, { description: 'e.g. 审查办件 SZ2026-000123.' })
  purpose!: string;

  @Field(() => [String], { description: 'The fields read, e.g. name, address.' })
  fields!: string[];
}

@ObjectType()
export class DataAccessEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DataAccess)
  node!: DataAccess;
}

@ObjectType()
export class DataAccessConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [DataAccessEdge])
  edges!: DataAccessEdge[];
}
