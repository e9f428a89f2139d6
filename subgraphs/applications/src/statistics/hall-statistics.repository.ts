import { sql, type Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';
import { DECISION_EVENTS } from './case-tally.js';

/** One department's counts in a year; the hall's are their sums. */
export interface DepartmentCounts {
  departmentCode: string;
  /** Submitted in the year. */
  submitted: number;
  /** Of those, instant cases. */
  instant: number;
  /** Of those, submitted online (the rest at a hall window). */
  submittedOnline: number;
  /** Completed in the year (status COMPLETED, completed_at in the year). */
  completed: number;
  /** Of those, submitted online. */
  completedOnline: number;
  /** Decided (approved or rejected) in the year. */
  decided: number;
  /** Of those, by the deadline. */
  onTime: number;
}

export interface YearCounts {
  year: number;
  totals: Omit<DepartmentCounts, 'departmentCode'>;
  /** Most submitted first, then by code. */
  departments: DepartmentCounts[];
}

/** The instants where a city year (UTC+8) begins and ends, as the ISO strings cases store. */
export function cityYearBounds(year: number): { from: string; to: string } {
  const offset = 8 * 3_600_000;
  return { from: new Date(Date.UTC(year, 0, 1) - offset).toISOString(), to: new Date(Date.UTC(year + 1, 0, 1) - offset).toISOString() };
}

/**
 * A year's counts from the maintained year counters (case_tally_year): a few rows per department
 * whatever the history, so the hall's statistics cost the same in a year of 20,000 cases or 8.5 million.
 */
export class HallStatisticsRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async countsForYear(year: number): Promise<YearCounts> {
    const rows = await this.db.selectFrom('case_tally_year').select(['department_code', 'channel', 'event', 'cases', 'instant', 'on_time']).where('year', '=', year).execute();
    const counts = new YearCountsBuilder();
    for (const row of rows) {
      const d = counts.department(row.department_code);
      const cases = Number(row.cases);
      const online = row.channel === 'ONLINE';
      if (row.event === 'SUBMITTED') {
        d.submitted += cases;
        d.instant += Number(row.instant);
        if (online) d.submittedOnline += cases;
      } else if (row.event === 'COMPLETED') {
        d.completed += cases;
        if (online) d.completedOnline += cases;
      } else if (DECISION_EVENTS.includes(row.event)) {
        d.decided += cases;
        d.onTime += Number(row.on_time);
      }
    }
    return counts.build(year);
  }
}

/** Sums per department, then the hall's totals; departments most submitted first, then by code. */
class YearCountsBuilder {
  private readonly byCode = new Map<string, DepartmentCounts>();

  department(code: string): DepartmentCounts {
    let counts = this.byCode.get(code);
    if (!counts) this.byCode.set(code, (counts = { departmentCode: code, submitted: 0, instant: 0, submittedOnline: 0, completed: 0, completedOnline: 0, decided: 0, onTime: 0 }));
    return counts;
  }

  build(year: number): YearCounts {
    const departments = [...this.byCode.values()]
      .filter((d) => d.submitted + d.completed + d.decided > 0)
      .sort((a, b) => b.submitted - a.submitted || a.departmentCode.localeCompare(b.departmentCode));
    const totals = { submitted: 0, instant: 0, submittedOnline: 0, completed: 0, completedOnline: 0, decided: 0, onTime: 0 };
    for (const d of departments) {
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += d[key];
    }
    return { year, totals, departments };
  }
}

/**
 * The same year counted from the cases themselves in two aggregate queries (what the counters
 * replaced): what was submitted in the year, and what was decided or completed in it (whenever
 * submitted). It reads every case of the year: for tests and checks that the counters agree.
 */
export async function recountYear(db: Kysely<ApplicationTables>, year: number): Promise<YearCounts> {
  const { from, to } = cityYearBounds(year);
  const completedInYear = sql`(status = 'COMPLETED' and completed_at >= ${from} and completed_at < ${to})`;
  const decidedInYear = sql`(on_time is not null and decided_at >= ${from} and decided_at < ${to})`;
  const [submittedRows, closedRows] = await Promise.all([
    db
      .selectFrom('application')
      .select([
        'department_code',
        sql<number>`count(*)`.as('submitted'),
        sql<number>`sum(case when case_type = 'INSTANT' then 1 else 0 end)`.as('instant'),
        sql<number>`sum(case when channel = 'ONLINE' then 1 else 0 end)`.as('submitted_online'),
      ])
      .where('submitted_year', '=', year)
      .groupBy('department_code')
      .execute(),
    db
      .selectFrom('application')
      .select([
        'department_code',
        sql<number>`sum(case when ${completedInYear} then 1 else 0 end)`.as('completed'),
        sql<number>`sum(case when ${completedInYear} and channel = 'ONLINE' then 1 else 0 end)`.as('completed_online'),
        sql<number>`sum(case when ${decidedInYear} then 1 else 0 end)`.as('decided'),
        sql<number>`sum(case when ${decidedInYear} and on_time = 1 then 1 else 0 end)`.as('on_time'),
      ])
      .where('submitted_year', '<=', year)
      .where((eb) => eb.or([eb.and([eb('completed_at', '>=', from), eb('completed_at', '<', to)]), eb.and([eb('decided_at', '>=', from), eb('decided_at', '<', to)])]))
      .groupBy('department_code')
      .execute(),
  ]);
  const counts = new YearCountsBuilder();
  for (const row of submittedRows) {
    const d = counts.department(row.department_code);
    d.submitted = Number(row.submitted ?? 0);
    d.instant = Number(row.instant ?? 0);
    d.submittedOnline = Number(row.submitted_online ?? 0);
  }
  for (const row of closedRows) {
    const d = counts.department(row.department_code);
    d.completed = Number(row.completed ?? 0);
    d.completedOnline = Number(row.completed_online ?? 0);
    d.decided = Number(row.decided ?? 0);
    d.onTime = Number(row.on_time ?? 0);
  }
  return counts.build(year);
}
