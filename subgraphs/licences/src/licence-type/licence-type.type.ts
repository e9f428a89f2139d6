import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../department/department.stub.js';

export enum HolderKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(HolderKind, { name: 'HolderKind' });

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

  @Field(() => Department)
  issuer!: Department;

  @Field(() => HolderKind)
  holderKind!: HolderKind;

  @Field(() => Int, { nullable: true, description: 'Default validity in years; null for licences without an end date.' })
  defaultValidityYears!: number | null;

  @Field(() => [LicenceFieldDefinition])
  fields!: LicenceFieldDefinition[];
}
