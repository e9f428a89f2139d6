import { Ctx, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context.js';
import { fullyOnlineRate } from './catalog-statistics.repository.js';
import { CatalogStatistics } from './catalog-statistics.type.js';

@Resolver(() => CatalogStatistics)
export class CatalogStatisticsResolver {
  @Query(() => CatalogStatistics, { description: 'The catalog’s size and fully-online rate; public.' })
  async catalogStatistics(@Ctx() ctx: CatalogContext): Promise<CatalogStatistics> {
    const [counts, divisions] = await Promise.all([ctx.services.statistics.counts(), ctx.services.divisions.countsByLevel()]);
    return {
      departmentCount: counts.departments,
      matterCount: counts.cityMatters,
      licensingMatterCount: counts.licensing,
      fullyOnlineRate: fullyOnlineRate(counts),
      districtImplementationCount: counts.districtMatters,
      districtCount: divisions.DISTRICT ?? 0,
      subdistrictCount: divisions.SUBDISTRICT ?? 0,
      communityCount: divisions.COMMUNITY ?? 0,
    };
  }
}
