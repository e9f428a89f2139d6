import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ExternalFact } from '../external/fact.stub.js';

/**
 * The case system's view of any applicant (@interfaceObject): it adds documents, and reads the
 * facts identity and licences hold, which reach it only through @requires.
 */
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
export class Applicant {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => [ExternalFact])
  profileFacts?: ExternalFact[];

  @Directive('@external')
  @Field(() => [ExternalFact])
  licenceFacts?: ExternalFact[];
}
