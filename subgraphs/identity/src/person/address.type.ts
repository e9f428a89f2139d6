import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Address {
  @Field(() => String, { description: 'GB/T 2260 division code.' })
  divisionCode!: string;

  @Field(() => String, { nullable: true })
  divisionName!: string | null;

  @Field(() => String)
  detail!: string;
}
