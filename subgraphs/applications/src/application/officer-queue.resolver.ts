import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError, checkPageSize, isOfficer } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { ApplicationStatus, OPEN_STATUSES } from './application.enums.js';
import { readCursor, toConnection } from './application-page.js';
import { ApplicationConnection } from './application.type.js';

@Resolver()
export class OfficerQueueResolver {
  @Query(() => ApplicationConnection, {
    description: "The officer's workbench: cases of their own department, earliest deadline first; without a status, every case still waiting for the department.",
  })
  async officerQueue(
    @Ctx() ctx: ApplicationsContext,
    @Arg('status', () => ApplicationStatus, { nullable: true }) status?: ApplicationStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ApplicationConnection> {
    if (!ctx.claims) throw new UnauthenticatedError();
    if (!isOfficer(ctx.claims) || !ctx.claims.department) throw new ForbiddenError('Only officers have a case queue');
    const size = checkPageSize(first);
    const cursor = readCursor('queue', after);
    const page = await ctx.services.applications.queue(ctx.claims.department, status ? [status] : OPEN_STATUSES, size, cursor ? { deadline: cursor.sortKey, id: cursor.id } : null);
    for (const record of page.rows) ctx.loaders.applicationById.prime(record.id, record);
    return toConnection('queue', page, (r) => r.deadline);
  }
}
