import { registerEnumType } from 'type-graphql';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'SUBMITTED → ACCEPTED (受理) or CORRECTION_REQUESTED (补正, the clock pauses) → APPROVED / REJECTED → COMPLETED (办结); WITHDRAWN by the applicant before a decision.',
});

/** States an officer still has to act on. */
export const OPEN_STATUSES = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.ACCEPTED,
  ApplicationStatus.CORRECTION_REQUESTED,
  ApplicationStatus.APPROVED,
  ApplicationStatus.REJECTED,
] as const;

export enum SubmissionChannel {
  ONLINE = 'ONLINE',
  WINDOW = 'WINDOW',
}
registerEnumType(SubmissionChannel, { name: 'SubmissionChannel', description: 'Submitted online, or at a hall window.' });

export enum DecisionAction {
  ACCEPT = 'ACCEPT',
  REQUEST_CORRECTION = 'REQUEST_CORRECTION',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  COMPLETE = 'COMPLETE',
}
registerEnumType(DecisionAction, {
  name: 'DecisionAction',
  description: 'What an officer does with a case of their department.',
});
