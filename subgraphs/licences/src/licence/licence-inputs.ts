import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';

@InputType()
export class LicenceDataInput {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@InputType({ description: 'What an officer of the issuing department records when issuing a licence.' })
export class IssueLicenceInput {
  @Field(() => ID, { description: 'Licence type code, e.g. SPJYXKZ.' })
  typeCode!: string;

  @Field(() => ID, {
    description:
      'The holder: a person (P-…) or an enterprise (E-…), as the type requires; or, for a case’s licence, the applicant id the officer’s review of the case gave (a case grant).',
  })
  holderId!: string;

  @Field(() => String, { description: 'The holder’s name as printed on the licence.' })
  holderName!: string;

  @Field(() => String, { nullable: true, description: 'Licence number; generated when absent.' })
  number?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to validFrom plus the type’s default validity; none for types without one.' })
  validTo?: string;

  @Field(() => [LicenceDataInput], { nullable: true, description: 'The type’s structured fields.' })
  data?: LicenceDataInput[];

  @Field(() => ID, { nullable: true, description: 'The case that decided the licence; taken from the case grant when holderId is one.' })
  caseId?: string;
}
