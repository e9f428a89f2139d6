import { registerEnumType } from 'type-graphql';
import { addWorkingDays, workingDaysBetween } from '@govgraph/kit';
import { ApplicationStatus } from '../application/application.enums.js';

export enum SupervisionLevel {
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(SupervisionLevel, {
  name: 'SupervisionLevel',
  description: 'Electronic supervision (电子监察) of a running clock: YELLOW (黄灯) due within the warning days, RED (红灯) past its deadline.',
});

/** Statuses whose clock runs towards the deadline: the decision is still owed. */
export const RUNNING_STATUSES = [ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED] as const;
/** The clock stands still while the applicant corrects (补正): the deadline moves by the paused days when it resumes. */
export const PAUSED_STATUS = ApplicationStatus.CORRECTION_REQUESTED;
/** Open for supervision: waiting for a decision (APPROVED and REJECTED cases are decided, only their completion is left). */
export const SUPERVISED_STATUSES = [...RUNNING_STATUSES, PAUSED_STATUS] as const;

/** The warning days a board or scanner uses unless told otherwise, and the most it accepts. */
export const DEFAULT_WARNING_DAYS = 3;
export const MAX_WARNING_DAYS = 20;

/**
 * One city day's view of deadlines. A decision on the deadline day is on time (lifecycle-service.ts),
 * so a case is RED once its deadline is before `today`, and YELLOW while at most `warningDays`
 * working days are left after today. `flaggedBefore` is the first deadline that is neither: the
 * (warningDays + 1)-th working day after today, so a range `deadline < flaggedBefore` on the index
 * finds exactly the flagged cases.
 */
export interface SupervisionWindow {
  today: string;
  warningDays: number;
  flaggedBefore: string;
}

export function supervisionWindow(today: string, warningDays: number): SupervisionWindow {
  return { today, warningDays, flaggedBefore: addWorkingDays(today, warningDays + 1) };
}

/** The level of a running case with this deadline, null when it is neither due soon nor overdue. */
export function levelOf(deadline: string, window: SupervisionWindow): SupervisionLevel | null {
  if (deadline < window.today) return SupervisionLevel.RED;
  return deadline < window.flaggedBefore ? SupervisionLevel.YELLOW : null;
}

/** Working days left after today up to the deadline (0: due today); null once overdue. */
export function workingDaysLeft(deadline: string, window: SupervisionWindow): number | null {
  return deadline < window.today ? null : workingDaysBetween(window.today, deadline);
}

/**
 * Working days gone by since the deadline, today included; null while not overdue. 0 on a day off
 * right after the deadline: the deadline has passed, no working day yet.
 */
export function workingDaysOverdue(deadline: string, window: SupervisionWindow): number | null {
  return deadline < window.today ? workingDaysBetween(deadline, window.today) : null;
}

/** YELLOW < RED: a level rises, never falls, against one deadline. */
export function rankOf(level: string | null | undefined): number {
  return level === SupervisionLevel.RED ? 2 : level === SupervisionLevel.YELLOW ? 1 : 0;
}
