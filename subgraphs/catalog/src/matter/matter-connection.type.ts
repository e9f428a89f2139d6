import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@govgraph/kit';
import { Matter } from './matter.type.js';

@ObjectType()
export class MatterEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Matter)
  node!: Matter;
}

@ObjectType()
export class MatterConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [MatterEdge])
  edges!: MatterEdge[];
}
