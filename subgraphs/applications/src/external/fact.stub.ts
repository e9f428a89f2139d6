import { Directive, Field, ObjectType } from 'type-graphql';
import { Provenance } from '@govgraph/kit';

/** identity's and licences' facts, received through @requires (never resolved here). */
@Directive('@external')
@ObjectType('Fact')
export class ExternalFact {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  value!: string;

  @Field(() => Provenance)
  provenance!: Provenance;
}
