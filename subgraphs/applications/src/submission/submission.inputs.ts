import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A value for one field of the form.' })
export class FieldValueInput {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true, description: 'Null or empty leaves an optional field empty.' })
  value?: string | null;
}

@InputType({ description: 'What the applicant gives for one material: a licence of theirs, or a document they uploaded.' })
export class MaterialEvidenceInput {
  @Field(() => String)
  requirementCode!: string;

  @Field(() => ID, { nullable: true })
  licenceId?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  matterCode!: string;

  @Field(() => String, {
    description:
      'Chosen by the client, 8–64 letters, digits, "-" or "_": retrying with the same key returns the same application; reusing it for a different payload is a CONFLICT.',
  })
  idempotencyKey!: string;

  @Field(() => [FieldValueInput])
  fields!: FieldValueInput[];

  @Field(() => [MaterialEvidenceInput])
  materials!: MaterialEvidenceInput[];
}

@InputType({ description: 'The applicant answers a correction request (补正): changed fields and materials replace the earlier ones.' })
export class CorrectApplicationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => [FieldValueInput], { nullable: true })
  fields?: FieldValueInput[] | null;

  @Field(() => [MaterialEvidenceInput], { nullable: true })
  materials?: MaterialEvidenceInput[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class WithdrawApplicationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
