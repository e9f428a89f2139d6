import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { applicantReference } from './applicant/applicant.reference.js';
import { ApplicantConsultationResolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { complaintReference } from './complaint/complaint.reference.js';
import { ComplaintResolver } from './complaint/complaint.resolver.js';
import { ConsultationComplaint } from './complaint/complaint.type.js';
import { ConsultationMutationsResolver } from './consultation/consultation-mutations.resolver.js';
import { consultationReference } from './consultation/consultation.reference.js';
import { ConsultationResolver } from './consultation/consultation.resolver.js';
import { matterReference } from './matter/matter.reference.js';
import { MatterFrequentQuestionsResolver } from './matter/matter.resolver.js';
import { Matter } from './matter/matter.type.js';
import { PraiseResolver } from './praise/praise.resolver.js';
import { annualReportReference } from './report/annual-report.reference.js';
import { AnnualReportConsultationResolver } from './report/annual-report.resolver.js';
import { AnnualReport } from './report/annual-report.type.js';

/** The subgraph's Federation 2 schema; needs no database (printing the SDL uses it). */
export function buildConsultationSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      ConsultationResolver,
      ConsultationMutationsResolver,
      ComplaintResolver,
      PraiseResolver,
      MatterFrequentQuestionsResolver,
      AnnualReportConsultationResolver,
      ApplicantConsultationResolver,
    ],
    // Reached only through references from other subgraphs.
    orphanedTypes: [Applicant, Matter, AnnualReport, ConsultationComplaint],
    referenceResolvers: {
      Consultation: consultationReference,
      ConsultationComplaint: complaintReference,
      Matter: matterReference,
      AnnualReport: annualReportReference,
      Applicant: applicantReference,
    },
  });
}
