import { sql, type Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';

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
 * A year of cases in two aggregate queries, both grouped by department: what was submitted in
 * the year (the `application_year` index), and what was decided or completed in it (whenever
 * submitted, so a case submitted in late December counts as completed in January).
 */
export class HallStatisticsRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async countsForYear(year: number): Promise<YearCounts> {
    const { from, to } = cityYearBounds(year);
    const completedInYear = sql`(status = 'COMPLETED' and completed_at >= ${from} and completed_at < ${to})`;
    const decidedInYear = sql`(on_time is not null and decided_at >= ${from} and decided_at < ${to})`;
    const [submittedRows, closedRows] = await Promise.all([
      this.db
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
      this.db
        .selectFrom('application')
        .select([
          'department_code',
          sql<number>`sum(case when ${completedInYear} then 1 else 0 end)`.as('completed'),
          sql<number>`sum(case when ${completedInYear} and channel = 'ONLINE' then 1 else 0 end)`.as('completed_online'),
          sql<number>`sum(case when ${decidedInYear} then 1 else 0 end)`.as('decided'),
          sql<number>`sum(case when ${decidedInYear} and on_time = 1 then 1 else 0 end)`.as('on_time'),
        ])
        // A case closes no earlier than the city year it was submitted in.
        .where('submitted_year', '<=', year)
        .where((eb) => eb.or([eb.and([eb('completed_at', '>=', from), eb('completed_at', '<', to)]), eb.and([eb('decided_at', '>=', from), eb('decided_at', '<', to)])]))
        .groupBy('department_code')
        .execute(),
    ]);

    const byCode = new Map<string, DepartmentCounts>();
    const department = (code: string): DepartmentCounts => {
      let counts = byCode.get(code);
      if (!counts) byCode.set(code, (counts = { departmentCode: code, submitted: 0, instant: 0, submittedOnline: 0, completed: 0, completedOnline: 0, decided: 0, onTime: 0 }));
      return counts;
    };
    for (const row of submittedRows) {
      const counts = department(row.department_code);
      counts.submitted = Number(row.submitted ?? 0);
      counts.instant = Number(row.instant ?? 0);
      counts.submittedOnline = Number(row.submitted_online ?? 0);
    }
    for (const row of closedRows) {
      const counts = department(row.department_code);
      counts.completed = Number(row.completed ?? 0);
      counts.completedOnline = Number(row.completed_online ?? 0);
      counts.decided = Number(row.decided ?? 0);
      counts.onTime = Number(row.on_time ?? 0);
    }
    const departments = [...byCode.values()].sort((a, b) => b.submitted - a.submitted || a.departmentCode.localeCompare(b.departmentCode));
    const totals = { submitted: 0, instant: 0, submittedOnline: 0, completed: 0, completedOnline: 0, decided: 0, onTime: 0 };
    for (const d of departments) {
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += d[key];
    }
    return { year, totals, departments };
  }
}
