import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LicenceTypeStub } from '@govgraph/kit';
import { CaseType, FormFieldType, MaterialKind, MatterLevel, MatterType, ServedObject } from './matter.enums.js';

@ObjectType({ description: 'A material the applicant must provide (申请材料).' })
export class MaterialRequirement {
  @Field(() => ID)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => LicenceTypeStub, {
    nullable: true,
    description: 'An electronic licence of this type replaces the material (免证办): the first of acceptsLicenceTypes, null unless kind is LICENCE.',
  })
  acceptsLicenceType!: LicenceTypeStub | null;

  @Field(() => MaterialKind, { description: 'What satisfies the material: an electronic licence, a document the applicant gives, or the generated application form (免填单).' })
  kind!: MaterialKind;

  @Field(() => [LicenceTypeStub], {
    description: 'Every licence type that satisfies the material (e.g. 居民身份证 or 营业执照 for an applicant of either kind); empty unless kind is LICENCE.',
  })
  acceptsLicenceTypes!: LicenceTypeStub[];

  @Field(() => String, {
    nullable: true,
    description:
      'For DOCUMENT: the category (a stable upper-case code such as PHOTO, HEALTH_CERTIFICATE or SUPPORTING_DOCUMENTS) an earlier document must have been given for to be offered again; null otherwise.',
  })
  documentCategory!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'For DOCUMENT: an earlier document older than this many days is stale and not offered (近期照片 180); null = no limit.',
  })
  validForDays!: number | null;
}

@ObjectType({ description: 'Validation rules of a form field, checked again on submission.' })
export class FormFieldRules {
  @Field(() => Int, { nullable: true })
  minLength?: number;

  @Field(() => Int, { nullable: true })
  maxLength?: number;

  @Field(() => String, { nullable: true, description: 'A regular expression the whole value must match.' })
  pattern?: string;

  @Field(() => Int, { nullable: true })
  min?: number;

  @Field(() => Int, { nullable: true })
  max?: number;
}

@ObjectType()
export class FormField {
  @Field(() => String, { description: 'Stable key of the field, the same across matters for the same datum.' })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => FormFieldType)
  type!: FormFieldType;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where the graph can fill it from: a fact path such as person.name or licence.JDCJSZ.number.',
  })
  source!: string | null;

  @Field(() => [String], { nullable: true, description: 'Allowed values of a CHOICE field.' })
  options!: string[] | null;

  @Field(() => FormFieldRules, { nullable: true, description: 'Beyond the type’s own check (ID check character, mobile format, …).' })
  rules!: FormFieldRules | null;
}

@ObjectType({ description: 'The application form of a matter.' })
export class Form {
  @Field(() => [FormField])
  fields!: FormField[];
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A government service matter (事项) as the catalog of powers and responsibilities lists it.' })
export class Matter {
  @Field(() => ID, { description: 'Implementation code (实施编码).' })
  code!: string;

  @Field(() => String, { description: 'Basic code (基本编码), shared by every implementation of a common matter.' })
  basicCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MatterType)
  type!: MatterType;

  @Field(() => MatterLevel)
  level!: MatterLevel;

  departmentCode!: string;

  divisionCode!: string;

  @Field(() => String)
  legalBasis!: string;

  @Field(() => Int, { description: 'Legal time limit in working days.' })
  legalTimeLimitDays!: number;

  @Field(() => Int, { description: 'Promised time limit in working days (0 for instant matters).' })
  promisedTimeLimitDays!: number;

  @Field(() => CaseType)
  caseType!: CaseType;

  @Field(() => Int, { description: 'Online-handling depth 1-4 (I-IV); 4 is fully online with zero visits.' })
  onlineDepth!: number;

  @Field(() => Int)
  visitsRequired!: number;

  @Field(() => String, { description: 'Fee as published, e.g. 不收费 or 10元.' })
  fee!: string;

  @Field(() => [ServedObject])
  servedObjects!: ServedObject[];

  @Field(() => Int)
  version!: number;
}
