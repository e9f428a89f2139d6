import type { Kysely } from 'kysely';
import {
  BadUserInputError,
  CASE_DECISION_STREAM,
  CaseType,
  ConflictError,
  MATTER_CODE_RULE,
  MatterType,
  UnauthenticatedError,
  checkText,
  cityDate,
  isUniqueViolation,
  type CaseDecisionEvent,
  type Claims,
  type EventBus,
  type Logger,
  type PartyKeys,
} from '@govgraph/kit';
import { ApplicationStatus, SubmissionChannel } from '../application/application.enums.js';
import { toApplicationRecord, type ApplicationRecord } from '../application/application.record.js';
import type { ApplicationRepository } from '../application/application.repository.js';
import { addWorkingDays } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import type { DocumentRepository } from '../document/document.repository.js';
import type { DocumentStore } from '../document/document-store.js';
import type { LicenceStatusRepository } from '../events/licence-status.repository.js';
import { APPLICANT_ACTOR, SYSTEM_ACTOR } from '../lifecycle/actors.js';
import { caseWriter, talliedCase, type ApplicationRow } from '../lifecycle/case-writer.js';
import type { FormSnapshot } from '../prefill/form-snapshot.js';
import type { FormSessionRepository } from '../prefill/form-session.repository.js';
import { checkSubmission, type SubmissionFacts } from './check-submission.js';
import { generateFormMaterials } from './generated-forms.js';
import { payloadHash } from './payload-hash.js';
import type { Problem } from './problem.js';
import type { MaterialEvidenceInput, SubmitApplicationInput } from './submission.inputs.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** A form opened longer ago than this must be opened again: the licences it offered may have changed. */
export const FORM_SESSION_TTL_MS = 24 * 3600_000;

export interface SubmissionDeps {
  db: Kysely<ApplicationTables>;
  applications: ApplicationRepository;
  sessions: FormSessionRepository;
  documents: DocumentRepository;
  licenceStatuses: LicenceStatusRepository;
  bus: EventBus;
  clock: () => Date;
  log: Logger;
  /** applications' keys: they sign the application forms it generates. */
  keys: PartyKeys;
  /** Where documents live (DATA_DIR/documents): generated forms go there too. */
  documentStore: DocumentStore;
}

export function problemsError(problems: Problem[]): BadUserInputError {
  const summary = problems
    .slice(0, 5)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  return new BadUserInputError(`The application cannot be accepted: ${summary}${problems.length > 5 ? '; …' : ''}`, problems[0]?.path, { problems });
}

/** What the checks need to know about the referenced documents and licences. */
export async function submissionFacts(deps: SubmissionDeps, applicantId: string, materials: readonly MaterialEvidenceInput[], now: Date): Promise<SubmissionFacts> {
  const documentIds = materials.flatMap((m) => (m.documentId ? [m.documentId.slice(0, 64)] : []));
  const licenceIds = materials.flatMap((m) => (m.licenceId ? [m.licenceId.slice(0, 128)] : []));
  const documents = documentIds.length > 0 ? await deps.documents.byIds(documentIds) : [];
  return {
    ownDocumentIds: new Set(documents.filter((d) => d.ownerId === applicantId).map((d) => d.id)),
    licenceStatuses: await deps.licenceStatuses.statuses(licenceIds),
    today: cityDate(now),
    now: now.toISOString(),
  };
}

/**
 * Submission: checked against the form the applicant opened, written in one transaction, never
 * twice for one idempotency key. Instant matters (即办件) are decided on the spot.
 */
export class SubmissionService {
  constructor(private readonly deps: SubmissionDeps) {}

  async submit(claims: Claims | null, input: SubmitApplicationInput): Promise<ApplicationRecord> {
    const applicantId = claims?.applicantId;
    if (!claims || !applicantId) throw new UnauthenticatedError('Sign in to submit an application');
    checkText(input.matterCode, 'input.matterCode', MATTER_CODE_RULE);
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
      throw new BadUserInputError('input.idempotencyKey must be 8–64 letters, digits, "-" or "_"', 'input.idempotencyKey');
    }
    const hash = payloadHash(input);
    const earlier = await this.deps.applications.byIdempotencyKey(applicantId, input.idempotencyKey);
    if (earlier) return this.sameOrConflict(earlier, hash);

    const now = this.deps.clock();
    const snapshot = await this.deps.sessions.latest(applicantId, input.matterCode);
    if (!snapshot || now.getTime() - Date.parse(snapshot.takenAt) > FORM_SESSION_TTL_MS) {
      throw new BadUserInputError(`Open the form of ${input.matterCode} (StartForm) before submitting it`, 'input.matterCode', { reason: 'FORM_NOT_OPENED' });
    }
    const facts = await submissionFacts(this.deps, applicantId, input.materials, now);
    const checked = checkSubmission(snapshot, { fields: input.fields, materials: input.materials }, facts);
    if (checked.problems.length > 0) throw problemsError(checked.problems);

    try {
      const row = await this.deps.db.transaction().execute(async (trx) => {
        const row = await this.newCase(trx, { claims, applicantId, snapshot, now, key: input.idempotencyKey, hash });
        await caseWriter.insertCase(trx, row);
        await caseWriter.replaceFields(trx, row.id, checked.fields);
        const generated = await generateFormMaterials(
          trx,
          { keys: this.deps.keys, store: this.deps.documentStore },
          { id: row.id, number: row.number, applicantId, submittedAt: row.submitted_at },
          snapshot,
          checked.fields,
          checked.materials,
        );
        await caseWriter.replaceMaterials(trx, row.id, [...checked.materials, ...generated]);
        await caseWriter.appendHistory(trx, { id: row.id, tally: talliedCase(row), previousStatus: null }, this.openingHistory(row, now));
        return row;
      });
      const record = toApplicationRecord(row);
      if (record.decidedAt) await this.announce(record);
      return record;
    } catch (error) {
      // Two concurrent retries with one key: the loser returns the winner's application.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.deps.applications.byIdempotencyKey(applicantId, input.idempotencyKey);
      if (!winner) throw error;
      return this.sameOrConflict(winner, hash);
    }
  }

  private sameOrConflict(existing: ApplicationRecord, hash: string): ApplicationRecord {
    if (existing.payloadHash !== hash) {
      throw new ConflictError(`This idempotencyKey was used for a different application (${existing.number}); use a new key for a new application`);
    }
    return existing;
  }

  private async newCase(
    trx: Kysely<ApplicationTables>,
    c: { claims: Claims; applicantId: string; snapshot: FormSnapshot; now: Date; key: string; hash: string },
  ): Promise<ApplicationRow> {
    const { snapshot, now } = c;
    const today = cityDate(now);
    const year = Number(today.slice(0, 4));
    const sequence = await caseWriter.nextSequence(trx, year);
    const serial = String(sequence).padStart(8, '0');
    const instant = snapshot.matter.caseType === CaseType.INSTANT;
    const licensing = snapshot.matter.type === MatterType.LICENSING;
    const at = now.toISOString();
    return {
      id: `AP-${year}-${serial}`,
      number: `440300${year}${serial}`,
      applicant_id: c.applicantId,
      submitted_by: c.claims.personId ?? c.claims.accountId,
      matter_code: snapshot.matter.code,
      matter_name: snapshot.matter.name,
      department_code: snapshot.matter.departmentCode,
      case_type: instant ? 'INSTANT' : 'PROMISED',
      licensing: licensing ? 1 : 0,
      promised_days: snapshot.matter.promisedTimeLimitDays,
      channel: SubmissionChannel.ONLINE,
      // Instant matters are decided on submission; one that ends in a licence waits for it.
      status: instant ? (licensing ? ApplicationStatus.APPROVED : ApplicationStatus.COMPLETED) : ApplicationStatus.SUBMITTED,
      submitted_at: at,
      submitted_year: year,
      accepted_at: instant ? at : null,
      decided_at: instant ? at : null,
      completed_at: instant && !licensing ? at : null,
      deadline: addWorkingDays(today, snapshot.matter.promisedTimeLimitDays),
      paused_since: null,
      paused_days: 0,
      resume_status: null,
      on_time: instant ? 1 : null,
      idempotency_key: c.key,
      payload_hash: c.hash,
      form_snapshot: JSON.stringify(snapshot),
      licence_id: null,
    };
  }

  private openingHistory(row: ApplicationRow, now: Date) {
    const at = now.toISOString();
    const entries = [{ at, status: ApplicationStatus.SUBMITTED as string, actor: APPLICANT_ACTOR, note: null as string | null }];
    if (row.case_type === 'INSTANT') {
      entries.push({ at, status: ApplicationStatus.APPROVED, actor: SYSTEM_ACTOR, note: '即办件，当场办结' });
      if (row.status === ApplicationStatus.COMPLETED) entries.push({ at, status: ApplicationStatus.COMPLETED, actor: SYSTEM_ACTOR, note: null });
    }
    return entries;
  }

  /** Tells the licence library about a decision (it issues licences only for approved cases). */
  async announce(record: ApplicationRecord): Promise<void> {
    const event: CaseDecisionEvent = {
      caseId: record.id,
      number: record.number,
      applicantId: record.applicantId,
      departmentCode: record.departmentCode,
      matterCode: record.matterCode,
      licensing: record.licensing,
      status: record.status,
      at: record.decidedAt ?? this.deps.clock().toISOString(),
    };
    try {
      await this.deps.bus.publish(CASE_DECISION_STREAM, event);
    } catch (error) {
      // The decision stands; the licence library learns of it when the officer retries.
      this.deps.log.warn({ err: error, caseId: record.id }, 'could not announce the decision');
    }
  }
}
