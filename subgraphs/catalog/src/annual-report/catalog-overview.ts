import type { DivisionRepository } from '../division/division.repository.js';
import { fullyOnlineRate, type CatalogStatisticsRepository } from '../statistics/catalog-statistics.repository.js';
import type { CatalogAnnualOverview } from './annual-report.type.js';

/** The catalog as it stands, in two aggregate queries (matters and departments; divisions by level). */
export async function catalogOverview(services: { statistics: CatalogStatisticsRepository; divisions: DivisionRepository }): Promise<CatalogAnnualOverview> {
  const [counts, divisions] = await Promise.all([services.statistics.counts(), services.divisions.countsByLevel()]);
  return {
    departments: counts.departments,
    matters: counts.cityMatters,
    licensingItems: counts.licensing,
    fullyOnlineLicensingItems: counts.licensingFullyOnline,
    fullyOnlineRate: fullyOnlineRate(counts),
    districts: divisions.DISTRICT ?? 0,
    subdistricts: divisions.SUBDISTRICT ?? 0,
    communities: divisions.COMMUNITY ?? 0,
  };
}
