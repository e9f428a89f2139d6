import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { CaseAnnualOverview } from './annual-report/annual-report.type.js';
import { caseOverview } from './annual-report/case-overview.js';
import { groupedLoader, keyedLoader, type EventBus, type Logger, type PartyKeys, type SubgraphContext } from '@govgraph/kit';
import { ApplicationRepository } from './application/application.repository.js';
import type { ApplicationTables } from './database.js';
import { DocumentRepository } from './document/document.repository.js';
import { DocumentStore } from './document/document-store.js';
import { LicenceStatusRepository } from './events/licence-status.repository.js';
import { LifecycleService } from './lifecycle/lifecycle-service.js';
import { FormSessionRepository } from './prefill/form-session.repository.js';
import { HallStatisticsRepository } from './statistics/hall-statistics.repository.js';
import { SubmissionService } from './submission/submission-service.js';
import { SupervisionRepository } from './supervision/supervision.repository.js';

export interface ApplicationsServices {
  applications: ApplicationRepository;
  documents: DocumentRepository;
  sessions: FormSessionRepository;
  licenceStatuses: LicenceStatusRepository;
  statistics: HallStatisticsRepository;
  /** Electronic supervision's reads: open cases against their deadlines (src/supervision/). */
  supervision: SupervisionRepository;
  submissions: SubmissionService;
  lifecycle: LifecycleService;
  bus: EventBus;
  /** applications' own keys: they sign the case grants officers are handed. */
  keys: PartyKeys;
  clock: () => Date;
}

export function createApplicationsServices(
  db: Kysely<ApplicationTables>,
  options: { keys: PartyKeys; bus: EventBus; log: Logger; dataDir: string; clock?: () => Date },
): ApplicationsServices {
  const clock = options.clock ?? (() => new Date());
  const deps = {
    keys: options.keys,
    documentStore: new DocumentStore(options.dataDir),
    db,
    applications: new ApplicationRepository(db),
    sessions: new FormSessionRepository(db),
    documents: new DocumentRepository(db),
    licenceStatuses: new LicenceStatusRepository(db),
    statistics: new HallStatisticsRepository(db),
    supervision: new SupervisionRepository(db),
    bus: options.bus,
    clock,
    log: options.log,
  };
  const submissions = new SubmissionService(deps);
  return { ...deps, submissions, lifecycle: new LifecycleService(deps, submissions) };
}

export function createApplicationsLoaders(services: ApplicationsServices) {
  const { applications, documents } = services;
  return {
    applicationById: keyedLoader(
      (ids: readonly string[]) => applications.byIds(ids),
      (a) => a.id,
    ),
    fieldsByApplication: groupedLoader(
      (ids: readonly string[]) => applications.fieldsOf(ids),
      (f) => f.application_id,
    ),
    materialsByApplication: groupedLoader(
      (ids: readonly string[]) => applications.materialsOf(ids),
      (m) => m.application_id,
    ),
    historyByApplication: groupedLoader(
      (ids: readonly string[]) => applications.historyOf(ids),
      (h) => h.application_id,
    ),
    earlierFieldsByApplicant: groupedLoader(
      (ids: readonly string[]) => applications.earlierDeclaredFields(ids),
      (f) => f.applicant_id,
    ),
    earlierDocumentsByApplicant: groupedLoader(
      (ids: readonly string[]) => applications.earlierDocumentMaterials(ids),
      (m) => m.applicant_id,
    ),
    documentById: keyedLoader(
      (ids: readonly string[]) => documents.byIds(ids),
      (d) => d.id,
    ),
    /** The hall's case overview of each year asked (annual reports); the same for every department's report. */
    caseOverviewByYear: new DataLoader<number, CaseAnnualOverview>((years) => Promise.all(years.map((year) => caseOverview(services.statistics, year)))),
    documentsByOwner: groupedLoader(
      (ids: readonly string[]) => documents.ofOwners(ids),
      (d) => d.ownerId,
    ),
  };
}

export type ApplicationsLoaders = ReturnType<typeof createApplicationsLoaders>;
export type ApplicationsContext = SubgraphContext<ApplicationsLoaders, ApplicationsServices>;
