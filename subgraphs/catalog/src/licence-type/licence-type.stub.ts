import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the licence library; the catalog only points at a type by its code. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class LicenceType {
  @Field(() => ID)
  code!: string;
}
