import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@govgraph/kit';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A file the applicant uploaded once and reuses as evidence.' })
export class Document {
  @Field(() => ID)
  id!: string;

  ownerId!: string;

  @Field(() => String)
  filename!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => DateTimeScalar)
  uploadedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'On a form’s offers (StartForm): the earlier application the applicant gave this document in, e.g. 申请人此前的申请 440300202600000104; null elsewhere.',
  })
  givenIn?: string | null;
}
