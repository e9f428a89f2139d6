import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The catalog’s figures as the hall’s annual report publishes them.' })
export class CatalogStatistics {
  @Field(() => Int, { description: 'Departments stationed in the online hall.' })
  departmentCount!: number;

  @Field(() => Int, { description: 'City-level matters (implementations at 440300).' })
  matterCount!: number;

  @Field(() => Int, { description: 'City-level matters that are administrative licensing items (行政许可).' })
  licensingMatterCount!: number;

  @Field(() => Float, { description: 'Share of licensing items handled fully online (depth IV), to three decimals: 0.959 is 95.9 %.' })
  fullyOnlineRate!: number;

  @Field(() => Int, { description: 'District implementations of common matters, beside the city-level ones.' })
  districtImplementationCount!: number;

  @Field(() => Int)
  districtCount!: number;

  @Field(() => Int)
  subdistrictCount!: number;

  @Field(() => Int)
  communityCount!: number;
}
