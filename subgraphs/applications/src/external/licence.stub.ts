import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A licence offered as evidence; its details come from the licence library. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Licence {
  @Field(() => ID)
  id!: string;
}
