import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * The catalog's matter, as far as the case system needs it. These copies are @external at type
 * level: applications never resolves them, it receives their values through @requires.
 */

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class LicenceType {
  @Field(() => ID)
  code!: string;
}

@Directive('@external')
@ObjectType()
export class FormField {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@Directive('@external')
@ObjectType()
export class Form {
  @Field(() => [FormField])
  fields!: FormField[];
}

@Directive('@external')
@ObjectType()
export class MaterialRequirement {
  @Field(() => ID)
  code!: string;

  @Field(() => LicenceType, { nullable: true })
  acceptsLicenceType!: LicenceType | null;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType()
export class Matter {
  @Field(() => ID)
  code!: string;

  @Directive('@external')
  @Field(() => Form)
  form?: Form;

  @Directive('@external')
  @Field(() => [MaterialRequirement])
  materials?: MaterialRequirement[];
}
