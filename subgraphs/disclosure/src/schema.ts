import { buildFederatedSchema, DepartmentStub, type FederatedSchema } from '@govgraph/kit';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantDisclosureResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { releaseReference } from './release/release.reference.js';
import { DisclosureReleaseResolver } from './release/release.resolver.js';
import { annualReportReference } from './report/report.reference.js';
import { AnnualReportResolver } from './report/report.resolver.js';
import { DisclosureRequestMutationsResolver } from './request/request-mutations.resolver.js';
import { requestReference } from './request/request.reference.js';
import { DisclosureRequestResolver } from './request/request.resolver.js';

/** The subgraph's Federation 2 schema; needs no database (printing the SDL uses it). */
export function buildDisclosureSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [DisclosureReleaseResolver, DisclosureRequestResolver, DisclosureRequestMutationsResolver, AnnualReportResolver, ApplicantDisclosureResolver],
    // Reached only through references from other subgraphs.
    orphanedTypes: [Applicant, DepartmentStub],
    referenceResolvers: {
      DisclosureRelease: releaseReference,
      DisclosureRequest: requestReference,
      AnnualReport: annualReportReference,
      Applicant: applicantReference,
    },
  });
}
