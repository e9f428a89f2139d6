import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantLicencesResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { licenceTypeReference } from './licence-type/licence-type.reference.js';
import { LicenceTypeResolver } from './licence-type/licence-type.resolver.js';
import { LicenceOperationsResolver } from './licence/licence-operations.resolver.js';
import { LicenceVerificationResolver } from './licence/licence-verification.resolver.js';
import { LicenceResolver } from './licence/licence.resolver.js';
import { licenceReference } from './licence/licence.reference.js';
import { Licence } from './licence/licence.type.js';

export function buildLicencesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [LicenceTypeResolver, LicenceResolver, ApplicantLicencesResolver, LicenceOperationsResolver, LicenceVerificationResolver],
    // Reached only through references from other subgraphs.
    orphanedTypes: [Licence, Applicant],
    referenceResolvers: {
      Licence: licenceReference,
      LicenceType: licenceTypeReference,
      Applicant: applicantReference,
    },
  });
}
