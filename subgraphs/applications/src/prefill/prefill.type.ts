import { Directive, Field, ID, ObjectType, createUnionType } from 'type-graphql';
import { Provenance } from '@govgraph/kit';
import { Applicant } from '../applicant/applicant.type.js';
import { Document } from '../document/document.type.js';
import { Matter } from '../external/matter.stub.js';
import { Licence } from '../external/licence.stub.js';
import { GeneratedForm } from './generated-form.type.js';

export const Evidence = createUnionType({
  name: 'Evidence',
  description: 'What satisfies a material: an electronic licence, an uploaded document, or the application form the system generates at submission.',
  types: () => [Licence, Document, GeneratedForm] as const,
  // Licences and generated forms are built by the matcher with __typename; documents come from our tables.
  resolveType: (value) => {
    const typename = (value as { __typename?: string }).__typename;
    return typename === 'Licence' || typename === 'GeneratedForm' ? typename : 'Document';
  },
});

@ObjectType({ description: 'A form field with the value the graph already knows, and where it came from.' })
export class PrefilledField {
  @Field(() => String)
  key!: string;

  @Field(() => String, { nullable: true, description: 'Null when no source knows it: the applicant fills it in.' })
  value!: string | null;

  @Field(() => Provenance, { nullable: true })
  provenance!: Provenance | null;
}

@ObjectType({ description: 'A required material and what the applicant already has that satisfies it.' })
export class MaterialOffer {
  @Field(() => String)
  requirementCode!: string;

  @Directive('@provides(fields: "... on Licence { title number validTo }")')
  @Field(() => [Evidence])
  satisfiedBy!: Array<typeof Evidence>;
}

/**
 * What the gateway's plan gathers from catalog, identity and licences for the matcher — and
 * keeps in the form session a submission is checked against.
 */
export const PREFILL_REQUIRES = [
  'matter {',
  '  name type caseType promisedTimeLimitDays department { code }',
  '  form { fields { key label type required source options rules { minLength maxLength pattern min max } } }',
  '  materials { code name required kind acceptsLicenceType { code } acceptsLicenceTypes { code } documentCategory validForDays }',
  '}',
  'applicant {',
  '  profileFacts { path value provenance { system department trustLevel retrievedAt } }',
  '  licenceFacts { path value provenance { system department trustLevel retrievedAt } }',
  '}',
]
  .join(' ')
  .replace(/\s+/g, ' ');

@Directive('@key(fields: "matterCode applicantId")')
@ObjectType({ description: 'The form of a matter opened for the current applicant, prefilled once-only.' })
export class Prefill {
  @Field(() => ID)
  matterCode!: string;

  @Field(() => ID)
  applicantId!: string;

  @Field(() => Matter)
  matter!: Matter;

  @Field(() => Applicant)
  applicant!: Applicant;
}
