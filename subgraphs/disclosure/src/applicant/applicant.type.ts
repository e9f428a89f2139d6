import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Every applicant, person or enterprise, as the disclosure department sees it. Identity owns the
 * Applicant interface; @interfaceObject lets this subgraph add fields to all its implementations by id.
 */
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
export class Applicant {
  @Field(() => ID)
  id!: string;
}
