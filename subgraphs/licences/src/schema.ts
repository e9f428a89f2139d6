import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { ApplicantLicencesResolver } from './applicant/applicant.resolver.js';
import type { LicencesContext } from './context.js';
import { LicenceTypeResolver } from './licence-type/licence-type.resolver.js';
import { LicenceResolver } from './licence/licence.resolver.js';
import { licenceReference } from './licence/licence.reference.js';
import { Licence } from './licence/licence.type.js';
import { Applicant } from './applicant/applicant.type.js';

export function buildLicencesSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [LicenceTypeResolver, LicenceResolver, ApplicantLicencesResolver],
    // Reached only through references from other subgraphs.
    orphanedTypes: [Licence, Applicant],
    referenceResolvers: {
      Licence: licenceReference,
      LicenceType: { __resolveReference: (ref: { code: string }, ctx: LicencesContext) => ctx.loaders.typeByCode.load(ref.code) },
      // Any applicant id is a valid reference here: the fields themselves check who asks.
      Applicant: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  });
}
