import { BadUserInputError, checkText, type GrantScope } from '@govgraph/kit';
import { ApplicationStatus } from './application.enums.js';
import type { ApplicationRecord } from './application.record.js';

/**
 * The states in which a case is with its department: submitted, accepted, waiting for a
 * correction, or approved and waiting for its licence. Only then may an officer review it with
 * full values; a closed case (rejected, completed, withdrawn) is read only under an archive
 * purpose with a stated reason.
 */
export const WITH_DEPARTMENT: ReadonlySet<ApplicationStatus> = new Set([
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.ACCEPTED,
  ApplicationStatus.CORRECTION_REQUESTED,
  ApplicationStatus.APPROVED,
]);

/**
 * How an officer sees a case, decided where the case entered the request: `list` (the queue, an
 * entity reference, a decision's answer) shows masked values only; `review` (one case, with the
 * department) and `archive` (one closed case, with a reason) show full values, each read logged
 * to the applicant's data-access log under `purpose` before it leaves.
 */
export interface CaseView {
  scope: GrantScope;
  /** Shown to the applicant in their data-access log. */
  purpose: string;
}

/** A record carries the view it was fetched under (the resolvers of its fields read it). */
export type ViewedRecord = ApplicationRecord & { view?: CaseView };

export const MIN_ARCHIVE_REASON = 4;
export const MAX_ARCHIVE_REASON = 200;

export function listView(record: ApplicationRecord): CaseView {
  return { scope: 'list', purpose: `办件列表 ${record.number}` };
}

/** One case asked for by id: a review while the department has it; a closed one only with a reason. */
export function singleCaseView(record: ApplicationRecord, archiveReason: string | null | undefined): CaseView {
  if (WITH_DEPARTMENT.has(record.status)) return { scope: 'review', purpose: `审查办件 ${record.number}` };
  if (archiveReason === null || archiveReason === undefined) return listView(record);
  checkText(archiveReason, 'archiveReason', { min: MIN_ARCHIVE_REASON, max: MAX_ARCHIVE_REASON });
  if (archiveReason.trim().length < MIN_ARCHIVE_REASON) throw new BadUserInputError(`archiveReason needs at least ${MIN_ARCHIVE_REASON} characters`, 'archiveReason');
  return { scope: 'archive', purpose: `查阅归档办件 ${record.number}：${archiveReason.trim()}` };
}

export function viewOf(record: ViewedRecord): CaseView {
  return record.view ?? listView(record);
}
