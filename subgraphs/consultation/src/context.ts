import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type DataAccessEvent, type SubgraphContext } from '@govgraph/kit';
import { ComplaintRepository } from './complaint/complaint.repository.js';
import { ConsultationRepository } from './consultation/consultation.repository.js';
import type { ConsultationTables } from './database.js';
import { PraiseRepository } from './praise/praise.repository.js';
import { AnnualSectionRepository, reportKey, type ReportKey } from './report/annual-section.repository.js';

/** Long-lived: repositories, the clock and the data-access log, shared by every request. */
export interface ConsultationServices {
  consultations: ConsultationRepository;
  complaints: ComplaintRepository;
  praise: PraiseRepository;
  annualSections: AnnualSectionRepository;
  clock: () => Date;
  /**
   * Writes an officer's read of an applicant's consultation to the applicant's data-access log
   * (identity's), before the question leaves; null where this department may not publish on the
   * data-access stream (the kit's STREAM_PUBLISHERS), and then the read is only logged here.
   */
  publishAccess: ((event: DataAccessEvent) => Promise<unknown>) | null;
}

export function createConsultationServices(
  db: Kysely<ConsultationTables>,
  options: { clock?: () => Date; publishAccess?: ((event: DataAccessEvent) => Promise<unknown>) | null } = {},
): ConsultationServices {
  return {
    consultations: new ConsultationRepository(db),
    complaints: new ComplaintRepository(db),
    praise: new PraiseRepository(db),
    annualSections: new AnnualSectionRepository(db),
    clock: options.clock ?? (() => new Date()),
    publishAccess: options.publishAccess ?? null,
  };
}

/** Fresh per request: one query per entity type per request, never N+1, never shared between callers. */
export function createConsultationLoaders(services: ConsultationServices) {
  return {
    consultationById: keyedLoader(
      (ids: readonly string[]) => services.consultations.byIds(ids),
      (c) => c.id,
    ),
    consultationsByApplicant: groupedLoader(
      (ids: readonly string[]) => services.consultations.ofApplicants(ids),
      (c) => c.applicantId!,
    ),
    complaintById: keyedLoader(
      (ids: readonly string[]) => services.complaints.byIds(ids),
      (c) => c.id,
    ),
    complaintsByApplicant: groupedLoader(
      (ids: readonly string[]) => services.complaints.ofApplicants(ids),
      (c) => c.applicantId,
    ),
    frequentQuestionsByMatter: keyedLoader(
      (codes: readonly string[]) => services.consultations.frequentQuestions(codes),
      (m) => m.matterCode,
    ),
    annualSection: keyedLoader(
      (keys: readonly string[]) => services.annualSections.sections(keys.map(parseKey)),
      (s) => reportKey(s),
    ),
  };
}

function parseKey(key: string): ReportKey {
  const [departmentCode, year] = key.split('|');
  return { departmentCode: departmentCode!, year: Number(year) };
}

export type ConsultationLoaders = ReturnType<typeof createConsultationLoaders>;
export type ConsultationContext = SubgraphContext<ConsultationLoaders, ConsultationServices>;
