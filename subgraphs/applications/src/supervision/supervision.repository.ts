import { sql, type Kysely } from 'kysely';
import { keysetPage, type KeysetPage, type PageRequest } from '@govgraph/kit';
import type { ApplicationStatus } from '../application/application.enums.js';
import type { ApplicationTables } from '../database.js';
import { DECISION_EVENTS } from '../statistics/case-tally.js';
import { PAUSED_STATUS, RUNNING_STATUSES, SUPERVISED_STATUSES, type SupervisionWindow } from './supervision-level.js';

/** What a board covers: one department, or every department (null), on one city day. */
export interface SupervisionScope {
  departmentCode: string | null;
  window: SupervisionWindow;
}

/** One department's figures on the board. */
export interface DepartmentFigures {
  departmentCode: string;
  openCases: number;
  dueSoon: number;
  overdue: number;
  suspended: number;
  /** Decisions (approvals and rejections) made this city year, and of those by the deadline. */
  decisions: number;
  decidedOnTime: number;
}

/** A flagged case as the board shows it: the case and its deadline, nothing about the applicant. */
export interface FlaggedCaseRow {
  id: string;
  number: string;
  matterCode: string;
  matterName: string;
  departmentCode: string;
  status: ApplicationStatus;
  deadline: string;
}

function emptyFigures(departmentCode: string): DepartmentFigures {
  return { departmentCode, openCases: 0, dueSoon: 0, overdue: 0, suspended: 0, decisions: 0, decidedOnTime: 0 };
}

/**
 * The board's reads. None grows with history: open cases and the clock's state come from the
 * maintained status counters (case_status_count), the year's decisions from the year counters
 * (case_tally_year), and the flagged cases from a range of the (status, deadline, id) index over
 * running cases only — the cases due soon or overdue now, never the closed ones.
 */
export class SupervisionRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  /** Figures of every department in scope with open cases or decisions this year; the one department asked for always. */
  async departmentFigures(scope: SupervisionScope): Promise<DepartmentFigures[]> {
    const { departmentCode, window } = scope;
    const year = Number(window.today.slice(0, 4));
    const [statusRows, flaggedRows, decisionRows] = await Promise.all([
      this.db
        .selectFrom('case_status_count')
        .select(['department_code', 'status', 'cases'])
        .where('status', 'in', [...SUPERVISED_STATUSES])
        .$if(departmentCode !== null, (q) => q.where('department_code', '=', departmentCode!))
        .execute(),
      this.flagged(scope)
        .select(['department_code', sql<number>`count(*)`.as('flagged'), sql<number>`sum(case when deadline < ${window.today} then 1 else 0 end)`.as('overdue')])
        .groupBy('department_code')
        .execute(),
      this.db
        .selectFrom('case_tally_year')
        .select(['department_code', sql<number>`sum(cases)`.as('decisions'), sql<number>`sum(on_time)`.as('on_time')])
        .where('year', '=', year)
        .where('event', 'in', [...DECISION_EVENTS])
        .$if(departmentCode !== null, (q) => q.where('department_code', '=', departmentCode!))
        .groupBy('department_code')
        .execute(),
    ]);
    const byCode = new Map<string, DepartmentFigures>();
    const of = (code: string) => {
      let figures = byCode.get(code);
      if (!figures) byCode.set(code, (figures = emptyFigures(code)));
      return figures;
    };
    if (departmentCode !== null) of(departmentCode);
    for (const row of statusRows) {
      const figures = of(row.department_code);
      figures.openCases += Number(row.cases);
      if (row.status === PAUSED_STATUS) figures.suspended += Number(row.cases);
    }
    for (const row of flaggedRows) {
      const figures = of(row.department_code);
      figures.overdue = Number(row.overdue ?? 0);
      figures.dueSoon = Number(row.flagged) - figures.overdue;
    }
    for (const row of decisionRows) {
      const figures = of(row.department_code);
      figures.decisions = Number(row.decisions ?? 0);
      figures.decidedOnTime = Number(row.on_time ?? 0);
    }
    return [...byCode.values()]
      .filter((f) => f.departmentCode === departmentCode || f.openCases + f.decisions > 0)
      .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.openCases - a.openCases || a.departmentCode.localeCompare(b.departmentCode));
  }

  /**
   * One page of the flagged cases in scope, by deadline then id: overdue ones (deadline before
   * today) come before those due soon, the longest overdue first. `totalCount` is the board's own
   * count of them (the caller has it already).
   */
  flaggedPage(scope: SupervisionScope, page: PageRequest<{ deadline: string; id: string }>, totalCount: number): Promise<KeysetPage<FlaggedCaseRow>> {
    return keysetPage({
      base: this.flagged(scope),
      sortColumn: 'deadline',
      direction: 'asc',
      page,
      cursorKey: 'deadline',
      toRecord: (row) => ({
        id: row.id,
        number: row.number,
        matterCode: row.matter_code,
        matterName: row.matter_name,
        departmentCode: row.department_code,
        status: row.status as ApplicationStatus,
        deadline: row.deadline,
      }),
      totalCount: async () => totalCount,
    });
  }

  /** Running cases in scope due within the window or overdue: a range of the (status, deadline, id) index per running status. */
  private flagged(scope: SupervisionScope) {
    return this.db
      .selectFrom('application')
      .where('status', 'in', [...RUNNING_STATUSES])
      .where('deadline', '<', scope.window.flaggedBefore)
      .$if(scope.departmentCode !== null, (q) => q.where('department_code', '=', scope.departmentCode!));
  }
}
