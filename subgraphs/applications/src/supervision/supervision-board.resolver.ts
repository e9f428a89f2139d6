import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, PAGE_FIRST, PAGE_LAST, argumentGiven, cityDate, encodeCursor } from '@govgraph/kit';
import { readPage } from '../application/application-page.js';
import type { ApplicationsContext } from '../context.js';
import { rate } from '../statistics/hall-statistics.resolver.js';
import type { DepartmentFigures } from './supervision.repository.js';
import { supervisedDepartment } from './supervision-access.js';
import { DEFAULT_WARNING_DAYS, MAX_WARNING_DAYS, levelOf, supervisionWindow, workingDaysLeft, workingDaysOverdue } from './supervision-level.js';
import { SupervisedCaseConnection, SupervisionBoard, type SupervisionFigures } from './supervision-board.type.js';

const CURSOR_KIND = 'supervision';

function figuresOf(d: Omit<DepartmentFigures, 'departmentCode'>): SupervisionFigures {
  return {
    openCases: d.openCases,
    dueSoon: d.dueSoon,
    overdue: d.overdue,
    suspended: d.suspended,
    decisionsThisYear: d.decisions,
    decidedOnTimeThisYear: d.decidedOnTime,
    onTimeRate: rate(d.decidedOnTime, d.decisions),
  };
}

@Resolver(() => SupervisionBoard)
export class SupervisionBoardResolver {
  @Query(() => SupervisionBoard, {
    description:
      'Electronic supervision (电子监察): open cases against their deadlines, per department, today (city time). An officer sees their own department’s board (departmentCode must be theirs); a supervisor of the hall office any department’s, or every department’s without departmentCode.',
  })
  async supervisionBoard(
    @Ctx() ctx: ApplicationsContext,
    @Arg('warningDays', () => Int, {
      defaultValue: DEFAULT_WARNING_DAYS,
      description: `A running case is due soon (YELLOW) when at most this many working days after today are left: 0 to ${MAX_WARNING_DAYS}.`,
    })
    warningDays: number,
    @Arg('departmentCode', () => String, { nullable: true, description: 'One department’s board; without it every department’s (supervisors only).' })
    departmentCode?: string | null,
  ): Promise<SupervisionBoard> {
    const scoped = supervisedDepartment(ctx.claims, departmentCode);
    if (!Number.isInteger(warningDays) || warningDays < 0 || warningDays > MAX_WARNING_DAYS) {
      throw new BadUserInputError(`warningDays must be from 0 to ${MAX_WARNING_DAYS}`, 'warningDays');
    }
    const scope = { departmentCode: scoped, window: supervisionWindow(cityDate(ctx.services.clock()), warningDays) };
    const departments = await ctx.services.supervision.departmentFigures(scope);
    const totals = { openCases: 0, dueSoon: 0, overdue: 0, suspended: 0, decisions: 0, decidedOnTime: 0 };
    for (const d of departments) for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += d[key];
    return {
      today: scope.window.today,
      warningDays,
      year: Number(scope.window.today.slice(0, 4)),
      department: scoped === null ? null : { code: scoped },
      totals: figuresOf(totals),
      departments: departments.map((d) => ({ department: { code: d.departmentCode }, ...figuresOf(d) })),
      scope,
    };
  }

  @FieldResolver(() => SupervisedCaseConnection, { description: 'The cases behind dueSoon and overdue, overdue first; pages of at most 100.' })
  async flaggedCases(
    @Root() board: SupervisionBoard,
    @Ctx() ctx: ApplicationsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<SupervisedCaseConnection> {
    const request = readPage(CURSOR_KIND, { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const cursor = request.cursor && { deadline: request.cursor.sortKey, id: request.cursor.id };
    const page = await ctx.services.supervision.flaggedPage(board.scope, { ...request, cursor }, board.totals.dueSoon + board.totals.overdue);
    const { window } = board.scope;
    const edges = page.rows.map((row) => ({
      cursor: encodeCursor(CURSOR_KIND, `${row.deadline}|${row.id}`),
      node: {
        id: row.id,
        number: row.number,
        matterCode: row.matterCode,
        matterName: row.matterName,
        department: { code: row.departmentCode },
        status: row.status,
        deadline: row.deadline,
        // Every row of the range is flagged: its deadline is before window.flaggedBefore.
        level: levelOf(row.deadline, window)!,
        workingDaysLeft: workingDaysLeft(row.deadline, window),
        workingDaysOverdue: workingDaysOverdue(row.deadline, window),
      },
    }));
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
    };
  }
}
