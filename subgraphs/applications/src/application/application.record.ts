import type { ApplicationTables } from '../database.js';
import type { ApplicationStatus, SubmissionChannel } from './application.enums.js';

/** A case as the resolvers use it. */
export interface ApplicationRecord {
  id: string;
  number: string;
  applicantId: string;
  submittedBy: string;
  matterCode: string;
  matterName: string;
  departmentCode: string;
  caseType: 'INSTANT' | 'PROMISED';
  licensing: boolean;
  promisedDays: number;
  channel: SubmissionChannel;
  status: ApplicationStatus;
  submittedAt: string;
  acceptedAt: string | null;
  decidedAt: string | null;
  completedAt: string | null;
  deadline: string;
  pausedSince: string | null;
  pausedDays: number;
  resumeStatus: ApplicationStatus | null;
  onTime: boolean | null;
  idempotencyKey: string | null;
  payloadHash: string | null;
  formSnapshot: string | null;
  licenceId: string | null;
}

export function toApplicationRecord(row: ApplicationTables['application']): ApplicationRecord {
  return {
    id: row.id,
    number: row.number,
    applicantId: row.applicant_id,
    submittedBy: row.submitted_by,
    matterCode: row.matter_code,
    matterName: row.matter_name,
    departmentCode: row.department_code,
    caseType: row.case_type,
    licensing: Boolean(row.licensing),
    promisedDays: row.promised_days,
    channel: row.channel as SubmissionChannel,
    status: row.status as ApplicationStatus,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    decidedAt: row.decided_at,
    completedAt: row.completed_at,
    deadline: row.deadline,
    pausedSince: row.paused_since,
    pausedDays: row.paused_days,
    resumeStatus: row.resume_status as ApplicationStatus | null,
    onTime: row.on_time === null ? null : Boolean(row.on_time),
    idempotencyKey: row.idempotency_key,
    payloadHash: row.payload_hash,
    formSnapshot: row.form_snapshot,
    licenceId: row.licence_id,
  };
}
