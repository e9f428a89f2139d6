import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The catalog's department, by its code only: licences names a licence type's issuer with it,
 * applications a matter's department. The gateway resolves everything else from the catalog.
 * Shared here because the two stubs must be the same type, byte for byte.
 */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Department')
export class DepartmentStub {
  @Field(() => ID)
  code!: string;
}
