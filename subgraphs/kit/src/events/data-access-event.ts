/**
 * The stream on which departments report that someone other than the person read their data
 * (an officer, through a case). identity consumes it into the log the person reads.
 */
export const DATA_ACCESS_STREAM = 'data-access';

export interface DataAccessEvent {
  applicantId: string;
  at: string;
  accessorAccountId: string;
  departmentCode: string | null;
  purpose: string;
  caseId: string | null;
  /** What was read, prefixed with the department's system, e.g. licences.licences. */
  fields: string[];
}
