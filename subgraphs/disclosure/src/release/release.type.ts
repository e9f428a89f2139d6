import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DepartmentStub, PageInfo } from '@govgraph/kit';
import { DisclosureCategory, DisclosureChannel } from './release.enums.js';

/** A release as read from its table; `department` and `channels` are resolved from it. */
export interface ReleaseRecord {
  id: string;
  departmentCode: string;
  category: DisclosureCategory;
  title: string;
  publishedOn: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A piece of information a department published of its own accord (主动公开); public.' })
export class DisclosureRelease {
  @Field(() => ID, { description: 'DR-000001' })
  id!: string;

  @Field(() => DisclosureCategory)
  category!: DisclosureCategory;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar, { description: 'The city date it was published.' })
  publishedOn!: string;

  @Field(() => DepartmentStub, { description: 'The department that published it; its name comes from the catalog.' })
  department!: DepartmentStub;

  @Field(() => [DisclosureChannel], { description: 'Where it was published, in enum order.' })
  channels!: DisclosureChannel[];
}

@ObjectType()
export class DisclosureReleaseEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DisclosureRelease)
  node!: DisclosureRelease;
}

@ObjectType({ description: 'A page of releases, newest first.' })
export class DisclosureReleaseConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [DisclosureReleaseEdge])
  edges!: DisclosureReleaseEdge[];
}
