import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentStub } from '@govgraph/kit';
import { HolderKind } from './licence-type.enums.js';

@ObjectType({ description: 'A structured field that licences of a type carry, e.g. 准驾车型.' })
export class LicenceFieldDefinition {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A kind of electronic licence (证照类型), issued by one department.' })
export class LicenceType {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DepartmentStub)
  issuer!: DepartmentStub;

  @Field(() => HolderKind)
  holderKind!: HolderKind;

  @Field(() => Int, { nullable: true, description: 'Default validity in years; null for licences without an end date.' })
  defaultValidityYears!: number | null;

  @Field(() => [LicenceFieldDefinition])
  fields!: LicenceFieldDefinition[];
}
