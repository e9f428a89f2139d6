import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';

/**
 * A licence offered as evidence. Its details belong to the licence library; the few a form shows
 * (title, number, validity) arrived with the licence facts, so applications provides them and
 * the plan needs no further trip to licences.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Licence {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => String)
  title?: string;

  @Directive('@external')
  @Field(() => String)
  number?: string;

  @Directive('@external')
  @Field(() => DateScalar, { nullable: true })
  validTo?: string | null;
}
