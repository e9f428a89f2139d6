import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Departments belong to the catalog; a licence only names its issuer by code. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Department {
  @Field(() => ID)
  code!: string;
}
