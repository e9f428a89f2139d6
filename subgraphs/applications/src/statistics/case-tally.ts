import { cityDate } from '@govgraph/kit';

/*
 * Maintained counters (issue 24). Every history entry a case gets — submitted, accepted, decided,
 * completed, withdrawn, a correction asked for or answered — adds one to a counter of its day,
 * department, matter, channel and event, and to its year's; every case is counted under its
 * current status per department and under its applicant. They are written in the transaction that
 * writes the entry, so statistics and list counts read a few counter rows whatever the history.
 * tally-recount.ts counts the same from the cases themselves; tests hold the two equal.
 */

/** What a counter needs to know of a case. */
export interface TalliedCase {
  departmentCode: string;
  matterCode: string;
  channel: string;
  caseType: string;
  /** 1 decided by its deadline, 0 late, null undecided: counted on the decision's entry. */
  onTime: number | null;
}

/** A history entry as counted: the status it entered, when. */
export interface TalliedEntry {
  at: string;
  status: string;
}

/** The entry that answers a correction request puts the case back where it was: counted apart, never as a second submission. */
export const RESUMED = 'RESUMED';
/** The events that are decisions: counted with their on-time flag, and as the year's decisions. */
export const DECISION_EVENTS: readonly string[] = ['APPROVED', 'REJECTED'];
const DECISIONS: ReadonlySet<string> = new Set(DECISION_EVENTS);

/** The event an entry counts as, given the status the case was in before it. */
export function tallyEvent(status: string, previousStatus: string | null): string {
  return previousStatus === 'CORRECTION_REQUESTED' && (status === 'SUBMITTED' || status === 'ACCEPTED') ? RESUMED : status;
}

export interface DayTallyRow {
  day: string;
  department_code: string;
  matter_code: string;
  channel: string;
  event: string;
  cases: number;
  instant: number;
  on_time: number;
}
export type YearTallyRow = Omit<DayTallyRow, 'day' | 'matter_code'> & { year: number };
export interface StatusCountRow {
  department_code: string;
  status: string;
  cases: number;
}
export interface ApplicantCountRow {
  applicant_id: string;
  cases: number;
}

/**
 * Increments gathered before they are written: one transaction's few, or a seeded year's millions
 * (summed per key, so the seed writes each counter row once).
 */
export class TallyBook {
  readonly days = new Map<string, DayTallyRow>();
  readonly years = new Map<string, YearTallyRow>();
  readonly statuses = new Map<string, StatusCountRow>();
  readonly applicants = new Map<string, ApplicantCountRow>();

  /** History entries of one case, in order; `previousStatus` is the status before the first of them (null for a new case). */
  entries(kase: TalliedCase, entries: readonly TalliedEntry[], previousStatus: string | null): void {
    let previous = previousStatus;
    for (const entry of entries) {
      this.entry(kase, entry, previous);
      previous = entry.status;
    }
  }

  private entry(kase: TalliedCase, entry: TalliedEntry, previousStatus: string | null): void {
    const event = tallyEvent(entry.status, previousStatus);
    const day = cityDate(new Date(entry.at));
    const instant = kase.caseType === 'INSTANT' ? 1 : 0;
    const onTime = DECISIONS.has(event) && kase.onTime === 1 ? 1 : 0;
    const dayKey = `${day}\u0000${kase.departmentCode}\u0000${kase.matterCode}\u0000${kase.channel}\u0000${event}`;
    let dayRow = this.days.get(dayKey);
    if (!dayRow) {
      dayRow = { day, department_code: kase.departmentCode, matter_code: kase.matterCode, channel: kase.channel, event, cases: 0, instant: 0, on_time: 0 };
      this.days.set(dayKey, dayRow);
    }
    dayRow.cases += 1;
    dayRow.instant += instant;
    dayRow.on_time += onTime;
    const year = Number(day.slice(0, 4));
    const yearKey = `${year}\u0000${kase.departmentCode}\u0000${kase.channel}\u0000${event}`;
    let yearRow = this.years.get(yearKey);
    if (!yearRow) {
      yearRow = { year, department_code: kase.departmentCode, channel: kase.channel, event, cases: 0, instant: 0, on_time: 0 };
      this.years.set(yearKey, yearRow);
    }
    yearRow.cases += 1;
    yearRow.instant += instant;
    yearRow.on_time += onTime;
  }

  /** A case arrived in `to` from `from` (null: a new case). */
  status(departmentCode: string, from: string | null, to: string): void {
    if (from === to) return;
    if (from !== null) this.statusBy(departmentCode, from, -1);
    this.statusBy(departmentCode, to, 1);
  }

  private statusBy(departmentCode: string, status: string, delta: number): void {
    const key = `${departmentCode}\u0000${status}`;
    const row = this.statuses.get(key) ?? { department_code: departmentCode, status, cases: 0 };
    row.cases += delta;
    this.statuses.set(key, row);
  }

  /** A new case of the applicant. */
  applicantCase(applicantId: string): void {
    const row = this.applicants.get(applicantId) ?? { applicant_id: applicantId, cases: 0 };
    row.cases += 1;
    this.applicants.set(applicantId, row);
  }

  get empty(): boolean {
    return this.days.size === 0 && this.statuses.size === 0 && this.applicants.size === 0;
  }
}
