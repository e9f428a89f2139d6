/**
 * Electronic supervision (电子监察): applications announces once when an open case's clock comes
 * within the warning days of its deadline (YELLOW) and once when the deadline has passed (RED).
 * Deadlines, not people: the payload names the case and its department, never the applicant.
 */
export const CASE_SUPERVISION_STREAM = 'case-supervision';

export interface CaseSupervisionEvent {
  caseId: string;
  /** Case number (办件编号). */
  number: string;
  departmentCode: string;
  matterCode: string;
  /** The level the case rose to: YELLOW (due within the warning days) or RED (overdue). */
  level: 'YELLOW' | 'RED';
  /** The case's deadline, a city date (YYYY-MM-DD). */
  deadline: string;
  /** When the scanner saw the level rise (ISO 8601). */
  at: string;
}
