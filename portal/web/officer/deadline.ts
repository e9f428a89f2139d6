// How close a case is to its deadline, for the queue's highlighting.

export type DeadlineState = 'overdue' | 'due-soon' | 'normal';

/** Due within this many working days counts as 即将到期. */
export const DUE_SOON_WORKING_DAYS = 3;

function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * Working days after `today` up to and including `deadline` (YYYY-MM-DD). Weekends only: the
 * holiday calendar (docs/working-days.md) lives in the case system, which already counted the
 * deadline itself; here it only decides a highlight, so a holiday at most makes one show early.
 */
export function workingDaysUntil(deadline: string, today: Date): number {
  const cursor = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  let days = 0;
  // A deadline years away is not "soon"; stop counting early.
  for (let i = 0; i < 31 && isoDate(cursor) < deadline; i++) {
    cursor.setDate(cursor.getDate() + 1);
    const weekday = cursor.getDay();
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return days;
}

export function deadlineState(deadline: string, today: Date = new Date()): DeadlineState {
  if (deadline < isoDate(today)) return 'overdue';
  return workingDaysUntil(deadline, today) <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'normal';
}

export const DEADLINE_LABELS: Record<DeadlineState, string | undefined> = {
  overdue: '已超期',
  'due-soon': '即将到期',
  normal: undefined,
};
