/**
 * Streams between the case system and the licence library (docs/design.md, "No subgraph calls another").
 * The licence library reports every status change of a licence; the case system reports its
 * decisions, so the licence library knows which cases an officer may issue a licence for.
 */
export const LICENCE_STATUS_STREAM = 'licence-status';
export const CASE_DECISION_STREAM = 'case-decisions';

export interface LicenceStatusEvent {
  licenceId: string;
  holderId: string;
  typeCode: string;
  /** The licence's status after the change: VALID, SUSPENDED, REVOKED, CANCELLED, … */
  status: string;
  /** What happened: issue, suspend, reinstate, revoke, cancel, renew. */
  action: string;
  /** The case the licence was issued for, if any. */
  caseId: string | null;
  at: string;
}

export interface CaseDecisionEvent {
  caseId: string;
  number: string;
  applicantId: string;
  departmentCode: string;
  matterCode: string;
  licensing: boolean;
  status: string;
  at: string;
}
