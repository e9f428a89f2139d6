import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { CaseGrant } from '@govgraph/kit';

/**
 * The licence library's view of any applicant: it adds licences and licence facts to every
 * Person and Enterprise without knowing the two kinds (@interfaceObject).
 */
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
export class Applicant {
  @Field(() => ID)
  id!: string;

  /** The holder behind the reference: the id itself, or the applicant a case grant names. */
  holderId?: string;

  /** Reached through a case grant held by this officer: what the data-access log records. */
  grant?: CaseGrant;
}
