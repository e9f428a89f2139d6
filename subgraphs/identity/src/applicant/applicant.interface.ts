import { Directive, Field, ID, InterfaceType } from 'type-graphql';
import { Fact } from '@govgraph/kit';
import { ApplicantKind } from './applicant.enums.js';

/**
 * Whoever applies: a person or an enterprise. An entity interface, so the licence library and
 * the case system can add fields to every applicant without knowing the two kinds.
 */
@Directive('@key(fields: "id")')
@InterfaceType({
  description: 'A person or an enterprise that applies for matters and holds licences.',
  resolveType: (value: { kind: ApplicantKind }) => (value.kind === ApplicantKind.ENTERPRISE ? 'Enterprise' : 'Person'),
})
export abstract class Applicant {
  @Field(() => ID)
  id!: string;

  @Field(() => ApplicantKind)
  kind!: ApplicantKind;

  @Field(() => String, { description: 'Full name for the applicant themself; masked (张*) for anyone else.' })
  displayName!: string;

  @Field(() => [Fact], {
    description: 'What identity knows about the applicant, for prefilling their own forms. Only the applicant may read it.',
  })
  profileFacts!: Fact[];
}
