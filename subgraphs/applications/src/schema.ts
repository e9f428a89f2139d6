import { buildFederatedSchema, DepartmentStub, type FederatedSchema } from '@govgraph/kit';
import { annualReportReference } from './annual-report/annual-report.reference.js';
import { AnnualReport } from './annual-report/annual-report.type.js';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantDocumentsResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { ApplicationMutationsResolver } from './application/application-mutations.resolver.js';
import { applicationReference } from './application/application.reference.js';
import { ApplicationResolver } from './application/application.resolver.js';
import { OfficerQueueResolver } from './application/officer-queue.resolver.js';
import { documentReference } from './document/document.reference.js';
import { Document } from './document/document.type.js';
import { Licence } from './external/licence.stub.js';
import { PrefillResolver } from './prefill/prefill.resolver.js';
import { prefillReference } from './prefill/prefill.reference.js';
import { HallStatisticsResolver } from './statistics/hall-statistics.resolver.js';
import { SupervisionBoardResolver } from './supervision/supervision-board.resolver.js';

export function buildApplicationsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      PrefillResolver,
      ApplicantDocumentsResolver,
      ApplicationResolver,
      OfficerQueueResolver,
      ApplicationMutationsResolver,
      HallStatisticsResolver,
      SupervisionBoardResolver,
    ],
    orphanedTypes: [Applicant, Document, Licence, DepartmentStub, AnnualReport],
    referenceResolvers: {
      Prefill: prefillReference,
      Document: documentReference,
      Application: applicationReference,
      Applicant: applicantReference,
      AnnualReport: annualReportReference,
    },
  });
}
