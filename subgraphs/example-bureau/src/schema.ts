import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantExampleBureauResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { recordReference } from './record/record.reference.js';
import { ExampleBureauRecordResolver } from './record/record.resolver.js';

/** The subgraph's Federation 2 schema; needs no database (printing the SDL uses it). */
export function buildExampleBureauSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [ExampleBureauRecordResolver, ApplicantExampleBureauResolver],
    // Reached only through references from other subgraphs.
    orphanedTypes: [Applicant],
    referenceResolvers: {
      ExampleBureauRecord: recordReference,
      Applicant: applicantReference,
    },
  });
}
