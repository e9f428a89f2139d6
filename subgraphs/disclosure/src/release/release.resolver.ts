import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { DepartmentStub, PAGE_FIRST, PAGE_LAST, argumentGiven } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { checkDepartmentCode } from '../department.js';
import { readPage, toConnection } from '../page.js';
import { checkYear } from '../report/report-key.js';
import { CHANNELS, DisclosureCategory, DisclosureChannel } from './release.enums.js';
import { DisclosureRelease, DisclosureReleaseConnection, type ReleaseRecord } from './release.type.js';

@Resolver(() => DisclosureRelease)
export class DisclosureReleaseResolver {
  @Query(() => DisclosureReleaseConnection, { description: 'What a department published of its own accord (主动公开), newest first; public.' })
  async disclosureReleases(
    @Arg('departmentCode', () => String, { description: 'The department’s unified social credit code.' }) departmentCode: string,
    @Ctx() ctx: DisclosureContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('year', () => Int, { nullable: true, description: 'Only releases published in this calendar year.' }) year?: number | null,
    @Arg('category', () => DisclosureCategory, { nullable: true }) category?: DisclosureCategory | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<DisclosureReleaseConnection> {
    checkDepartmentCode(departmentCode, 'departmentCode');
    if (year != null) checkYear(ctx, year);
    const request = readPage('releases', { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const page = await ctx.services.releases.page({ departmentCode, year: year ?? null, category: category ?? null }, request);
    for (const release of page.rows) ctx.loaders.releaseById.prime(release.id, release);
    return toConnection('releases', page, (r) => r.publishedOn);
  }

  @FieldResolver(() => DepartmentStub)
  department(@Root() release: ReleaseRecord): DepartmentStub {
    return { code: release.departmentCode };
  }

  @FieldResolver(() => [DisclosureChannel])
  async channels(@Root() release: ReleaseRecord, @Ctx() ctx: DisclosureContext): Promise<DisclosureChannel[]> {
    const on = new Set((await ctx.loaders.channelsByRelease.load(release.id)).map((c) => c.channel));
    return CHANNELS.filter((channel) => on.has(channel));
  }
}
