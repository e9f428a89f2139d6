import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The licence library's licence type, by its code only: the catalog and applications name the
 * type a material accepts with it. The gateway resolves everything else from licences.
 */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('LicenceType')
export class LicenceTypeStub {
  @Field(() => ID)
  code!: string;
}
