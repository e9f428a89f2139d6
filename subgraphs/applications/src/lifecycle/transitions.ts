import { ApplicationStatus as S, DecisionAction as A } from '../application/application.enums.js';

/** From which states an officer's action may move a case, and where to. */
export const OFFICER_TRANSITIONS: Record<A, { from: readonly S[]; to: S }> = {
  [A.ACCEPT]: { from: [S.SUBMITTED], to: S.ACCEPTED },
  [A.REQUEST_CORRECTION]: { from: [S.SUBMITTED, S.ACCEPTED], to: S.CORRECTION_REQUESTED },
  [A.APPROVE]: { from: [S.ACCEPTED], to: S.APPROVED },
  [A.REJECT]: { from: [S.SUBMITTED, S.ACCEPTED, S.CORRECTION_REQUESTED], to: S.REJECTED },
  [A.COMPLETE]: { from: [S.APPROVED, S.REJECTED], to: S.COMPLETED },
};

/** The applicant may withdraw until a decision. */
export const WITHDRAWABLE: readonly S[] = [S.SUBMITTED, S.ACCEPTED, S.CORRECTION_REQUESTED];

export function isDecision(action: A): boolean {
  return action === A.APPROVE || action === A.REJECT;
}
