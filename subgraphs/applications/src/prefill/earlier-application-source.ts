/**
 * Where a value from an earlier case came from, in the kit's Provenance: the system is the case
 * system; no department vouches for a value the applicant declared, so `department` names the
 * earlier case instead ("申请人此前的申请 <case number>"); retrievedAt is when that case was submitted.
 */
export function earlierApplicationSource(caseNumber: string): string {
  return `申请人此前的申请 ${caseNumber}`;
}
