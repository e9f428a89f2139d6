import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One structured field of a licence, e.g. 准驾车型 = C1.' })
export class LicenceDataEntry {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}
