import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { ForbiddenError, PAGE_FIRST, PAGE_LAST, UnauthenticatedError, argumentGiven, isOfficer } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { ApplicationStatus, OPEN_STATUSES } from './application.enums.js';
import { readPage, toConnection } from './application-page.js';
import { ApplicationConnection } from './application.type.js';

@Resolver()
export class OfficerQueueResolver {
  @Query(() => ApplicationConnection, {
    description: "The officer's workbench: cases of their own department, earliest deadline first; without a status, every case still waiting for the department.",
  })
  async officerQueue(
    @Ctx() ctx: ApplicationsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('status', () => ApplicationStatus, { nullable: true }) status?: ApplicationStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<ApplicationConnection> {
    if (!ctx.claims) throw new UnauthenticatedError();
    if (!isOfficer(ctx.claims) || !ctx.claims.department) throw new ForbiddenError('Only officers have a case queue');
    const request = readPage('queue', { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const cursor = request.cursor && { deadline: request.cursor.sortKey, id: request.cursor.id };
    const page = await ctx.services.applications.queue(ctx.claims.department, status ? [status] : OPEN_STATUSES, { ...request, cursor });
    for (const record of page.rows) ctx.loaders.applicationById.prime(record.id, record);
    return toConnection('queue', page, (r) => r.deadline);
  }
}
