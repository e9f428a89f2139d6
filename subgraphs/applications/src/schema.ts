import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { ApplicantDocumentsResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { documentReference } from './document/document.reference.js';
import { Document } from './document/document.type.js';
import { Licence } from './external/licence.stub.js';
import { PrefillResolver } from './prefill/prefill.resolver.js';
import { prefillReference } from './prefill/prefill.reference.js';

export function buildApplicationsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [PrefillResolver, ApplicantDocumentsResolver],
    orphanedTypes: [Applicant, Document, Licence],
    referenceResolvers: {
      Prefill: prefillReference,
      Document: documentReference,
      Applicant: { __resolveReference: (ref: { id: string }) => ref },
    },
  });
}
