import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, checkText, cityDate, isOfficer, type Claims, type LicenceStatusEvent } from '@govgraph/kit';
import { ApplicationStatus, DecisionAction } from '../application/application.enums.js';
import type { ApplicationRecord } from '../application/application.record.js';
import { addWorkingDays, workingDaysBetween } from '@govgraph/kit';
import { kindOf, type FormSnapshot } from '../prefill/form-snapshot.js';
import { MaterialKind } from '../prefill/material-kind.js';
import { generateFormMaterials } from '../submission/generated-forms.js';
import { checkSubmission, type StoredProvenance } from '../submission/check-submission.js';
import { problemsError, submissionFacts, type SubmissionDeps, type SubmissionService } from '../submission/submission-service.js';
import type { CorrectApplicationInput, WithdrawApplicationInput } from '../submission/submission.inputs.js';
import { APPLICANT_ACTOR, SYSTEM_ACTOR, officerActor } from './actors.js';
import { caseWriter, type ApplicationRow } from './case-writer.js';
import { OFFICER_TRANSITIONS, WITHDRAWABLE, isDecision } from './transitions.js';

const NOTE_RULE = { max: 500 };

/** The case's clock: decisions, corrections (which pause it), withdrawal, the licence that ends it. */
export class LifecycleService {
  constructor(
    private readonly deps: SubmissionDeps,
    private readonly submissions: SubmissionService,
  ) {}

  private async load(id: string): Promise<ApplicationRecord | null> {
    if (typeof id !== 'string' || id.length > 32) return null;
    return (await this.deps.applications.byIds([id]))[0] ?? null;
  }

  /** An officer moves a case of their own department; others learn nothing about it. */
  async decide(claims: Claims | null, input: { id: string; action: DecisionAction; note?: string | null }): Promise<ApplicationRecord> {
    if (!claims) throw new UnauthenticatedError();
    if (!isOfficer(claims)) throw new ForbiddenError('Only an officer of the case’s department may decide it');
    if (input.note) checkText(input.note, 'input.note', NOTE_RULE);
    const record = await this.load(input.id);
    if (!record || record.departmentCode !== claims.department) throw new NotFoundError('Application', input.id);
    const rule = OFFICER_TRANSITIONS[input.action];
    if (!rule.from.includes(record.status)) {
      throw new ConflictError(`Cannot ${input.action} an application that is ${record.status}`);
    }
    if (input.action === DecisionAction.COMPLETE && record.licensing && record.status === ApplicationStatus.APPROVED && !record.licenceId) {
      throw new ConflictError('A licensing case is completed by issuing its licence (issueLicence with this caseId)');
    }
    const now = this.deps.clock();
    const at = now.toISOString();
    const changes: Partial<ApplicationRow> = { status: rule.to };
    if (input.action === DecisionAction.ACCEPT) changes.accepted_at = at;
    if (input.action === DecisionAction.REQUEST_CORRECTION) {
      changes.paused_since = at;
      changes.resume_status = record.status;
    }
    if (isDecision(input.action)) {
      // A decision during a correction request first resumes the clock: the paused days count for the applicant.
      if (record.status === ApplicationStatus.CORRECTION_REQUESTED) Object.assign(changes, this.resumeClock(record, now));
      changes.decided_at = at;
      changes.on_time = cityDate(now) <= (changes.deadline ?? record.deadline) ? 1 : 0;
    }
    if (input.action === DecisionAction.COMPLETE) changes.completed_at = at;
    const updated = await this.move(record, changes, [{ at, status: rule.to, actor: officerActor(claims), note: input.note ?? null }]);
    if (isDecision(input.action)) await this.submissions.announce(updated);
    return updated;
  }

  /** Working days the clock stood still, added to the deadline. */
  private resumeClock(record: ApplicationRecord, now: Date): Partial<ApplicationRow> {
    const paused = record.pausedSince ? workingDaysBetween(cityDate(new Date(record.pausedSince)), cityDate(now)) : 0;
    return { deadline: addWorkingDays(record.deadline, paused), paused_days: record.pausedDays + paused, paused_since: null, resume_status: null };
  }

  /** The applicant answers a correction request; the clock runs again from here. */
  async correct(claims: Claims | null, input: CorrectApplicationInput): Promise<ApplicationRecord> {
    const record = await this.ownCase(claims, input.id);
    if (record.status !== ApplicationStatus.CORRECTION_REQUESTED) throw new ConflictError(`Only an application awaiting correction can be corrected; this one is ${record.status}`);
    if (input.note) checkText(input.note, 'input.note', NOTE_RULE);
    if (!record.formSnapshot) throw new ConflictError('This application predates online corrections; correct it at the hall');
    const snapshot = JSON.parse(record.formSnapshot) as FormSnapshot;
    const [fields, materials] = await Promise.all([this.deps.applications.fieldsOf([record.id]), this.deps.applications.materialsOf([record.id])]);

    // The corrected form: earlier values and materials, replaced where the applicant gave new ones.
    const values = new Map(fields.map((f) => [f.key, f.value]));
    for (const f of input.fields ?? []) values.set(f.key, f.value ?? null);
    const corrected = new Set((input.materials ?? []).map((m) => m.requirementCode));
    // The generated application form is made again from the corrected fields, never carried over.
    const generatedForms = new Set(snapshot.materials.filter((m) => kindOf(m) === MaterialKind.GENERATED_FORM).map((m) => m.code));
    const draftMaterials = [
      ...materials
        .filter((m) => !corrected.has(m.requirement_code) && !generatedForms.has(m.requirement_code))
        .map((m) => ({
          requirementCode: m.requirement_code,
          licenceId: m.evidence_kind === 'Licence' ? m.evidence_id : null,
          documentId: m.evidence_kind === 'Document' ? m.evidence_id : null,
        })),
      ...(input.materials ?? []),
    ];
    const now = this.deps.clock();
    const facts = await submissionFacts(this.deps, record.applicantId, draftMaterials, now);
    const previous = new Map<string, { value: string | null; provenance: StoredProvenance }>(
      fields.map((f) => [
        f.key,
        {
          value: f.value,
          provenance: {
            system: f.provenance_system,
            department: f.provenance_department,
            trustLevel: f.trust_level as StoredProvenance['trustLevel'],
            retrievedAt: f.retrieved_at,
          },
        },
      ]),
    );
    // Licences are checked against those offered when the form was opened, and their status since.
    const checked = checkSubmission(snapshot, { fields: [...values].map(([key, value]) => ({ key, value })), materials: draftMaterials }, { ...facts, previous });
    if (checked.problems.length > 0) throw problemsError(checked.problems);

    const at = now.toISOString();
    const resumeTo = record.resumeStatus ?? ApplicationStatus.SUBMITTED;
    return this.move(
      record,
      { status: resumeTo, ...this.resumeClock(record, now) },
      [{ at, status: resumeTo, actor: APPLICANT_ACTOR, note: input.note ?? '已补正' }],
      async (trx) => {
        await caseWriter.replaceFields(trx, record.id, checked.fields);
        const generated = await generateFormMaterials(
          trx,
          { keys: this.deps.keys, store: this.deps.documentStore },
          { id: record.id, number: record.number, applicantId: record.applicantId, submittedAt: at },
          snapshot,
          checked.fields,
          checked.materials,
        );
        await caseWriter.replaceMaterials(trx, record.id, [...checked.materials, ...generated]);
      },
    );
  }

  async withdraw(claims: Claims | null, input: WithdrawApplicationInput): Promise<ApplicationRecord> {
    const record = await this.ownCase(claims, input.id);
    if (input.note) checkText(input.note, 'input.note', NOTE_RULE);
    if (!WITHDRAWABLE.includes(record.status)) throw new ConflictError(`An application that is ${record.status} can no longer be withdrawn`);
    const at = this.deps.clock().toISOString();
    return this.move(record, { status: ApplicationStatus.WITHDRAWN, paused_since: null, resume_status: null }, [
      { at, status: ApplicationStatus.WITHDRAWN, actor: APPLICANT_ACTOR, note: input.note ?? null },
    ]);
  }

  /**
   * The licence library issued a licence for a case (LICENCE_STATUS_STREAM): an approved
   * licensing case of that holder is linked to it and completed. Anything else is ignored.
   */
  async licenceIssued(event: LicenceStatusEvent): Promise<void> {
    if (event.action !== 'issue' || !event.caseId) return;
    const record = await this.load(event.caseId);
    if (!record || record.applicantId !== event.holderId || record.status !== ApplicationStatus.APPROVED || !record.licensing) {
      if (record?.licenceId !== event.licenceId) this.deps.log.warn({ caseId: event.caseId }, 'licence issued for a case that is not an approved licensing case of its holder');
      return;
    }
    await this.move(record, { status: ApplicationStatus.COMPLETED, completed_at: event.at, licence_id: event.licenceId }, [
      { at: event.at, status: ApplicationStatus.COMPLETED, actor: SYSTEM_ACTOR, note: `证照已签发 ${event.licenceId}` },
    ]);
  }

  private async ownCase(claims: Claims | null, id: string): Promise<ApplicationRecord> {
    if (!claims?.applicantId) throw new UnauthenticatedError();
    const record = await this.load(id);
    if (!record || record.applicantId !== claims.applicantId) throw new NotFoundError('Application', id);
    return record;
  }

  private async move(
    record: ApplicationRecord,
    changes: Partial<ApplicationRow>,
    history: Array<{ at: string; status: string; actor: string; note: string | null }>,
    alsoWrite?: (trx: SubmissionDeps['db']) => Promise<void>,
  ): Promise<ApplicationRecord> {
    const onTime = changes.on_time !== undefined ? changes.on_time : record.onTime === null ? null : Number(record.onTime);
    const tally = { departmentCode: record.departmentCode, matterCode: record.matterCode, channel: record.channel, caseType: record.caseType, onTime };
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await caseWriter.transition(trx, record, record.status, changes))) {
        throw new ConflictError('The application changed meanwhile; reload it and try again');
      }
      await alsoWrite?.(trx);
      await caseWriter.appendHistory(trx, { id: record.id, tally, previousStatus: record.status }, history);
    });
    return (await this.load(record.id))!;
  }
}
