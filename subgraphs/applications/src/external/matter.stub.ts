import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CaseType, DepartmentStub, FormFieldType, LicenceTypeStub, MatterType } from '@govgraph/kit';
import { MaterialKind } from '../prefill/material-kind.js';

/*
 * The catalog's matter, as far as the case system needs it. These copies are @external:
 * applications never resolves them, it receives their values through @requires when the gateway
 * plans a StartForm, and keeps them in the form session a submission is checked against.
 */

@Directive('@external')
@ObjectType()
export class FormFieldRules {
  @Field(() => Int, { nullable: true })
  minLength?: number | null;

  @Field(() => Int, { nullable: true })
  maxLength?: number | null;

  @Field(() => String, { nullable: true })
  pattern?: string | null;

  @Field(() => Int, { nullable: true })
  min?: number | null;

  @Field(() => Int, { nullable: true })
  max?: number | null;
}

@Directive('@external')
@ObjectType()
export class FormField {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => FormFieldType)
  type!: FormFieldType;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => [String], { nullable: true })
  options!: string[] | null;

  @Field(() => FormFieldRules, { nullable: true })
  rules!: FormFieldRules | null;
}

@Directive('@external')
@ObjectType()
export class Form {
  @Field(() => [FormField])
  fields!: FormField[];
}

registerEnumType(MaterialKind, { name: 'MaterialKind' });

@Directive('@external')
@ObjectType()
export class MaterialRequirement {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field(() => LicenceTypeStub, { nullable: true })
  acceptsLicenceType!: LicenceTypeStub | null;

  @Field(() => [LicenceTypeStub])
  acceptsLicenceTypes!: LicenceTypeStub[];

  @Field(() => String, { nullable: true })
  documentCategory!: string | null;

  @Field(() => Int, { nullable: true })
  validForDays!: number | null;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Matter {
  @Field(() => ID)
  code!: string;

  @Directive('@external')
  @Field(() => String)
  name?: string;

  @Directive('@external')
  @Field(() => MatterType)
  type?: MatterType;

  @Directive('@external')
  @Field(() => CaseType)
  caseType?: CaseType;

  @Directive('@external')
  @Field(() => Int)
  promisedTimeLimitDays?: number;

  @Directive('@external')
  @Field(() => DepartmentStub)
  department?: DepartmentStub;

  @Directive('@external')
  @Field(() => Form)
  form?: Form;

  @Directive('@external')
  @Field(() => [MaterialRequirement])
  materials?: MaterialRequirement[];
}
