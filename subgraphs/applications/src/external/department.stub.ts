import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalog's department, by code: the gateway resolves its name from the catalog. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Department {
  @Field(() => ID)
  code!: string;
}
