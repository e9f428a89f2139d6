import { sql, type Kysely } from 'kysely';
import type { CatalogTables } from '../database.js';

export interface CatalogCounts {
  departments: number;
  cityMatters: number;
  districtMatters: number;
  licensing: number;
  licensingFullyOnline: number;
}

/** Fully-online licensing items among licensing items, to three decimals (0.959 is 95.9 %); 0 without any. */
export function fullyOnlineRate(counts: Pick<CatalogCounts, 'licensing' | 'licensingFullyOnline'>): number {
  return counts.licensing === 0 ? 0 : Math.round((counts.licensingFullyOnline / counts.licensing) * 1000) / 1000;
}

export class CatalogStatisticsRepository {
  constructor(private readonly db: Kysely<CatalogTables>) {}

  /** One pass over the matters, one over the departments. */
  async counts(): Promise<CatalogCounts> {
    const [matters, departments] = await Promise.all([
      this.db
        .selectFrom('matter')
        .innerJoin('matter_definition', 'matter_definition.basic_code', 'matter.basic_code')
        .select([
          sql<number>`sum(case when matter.level = 'CITY' then 1 else 0 end)`.as('city'),
          sql<number>`sum(case when matter.level = 'DISTRICT' then 1 else 0 end)`.as('district'),
          sql<number>`sum(case when matter.level = 'CITY' and matter_definition.type = 'LICENSING' then 1 else 0 end)`.as('licensing'),
          sql<number>`sum(case when matter.level = 'CITY' and matter_definition.type = 'LICENSING' and matter_definition.online_depth = 4 then 1 else 0 end)`.as('online'),
        ])
        .executeTakeFirstOrThrow(),
      this.db.selectFrom('department').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
    ]);
    return {
      departments: Number(departments.count),
      cityMatters: Number(matters.city ?? 0),
      districtMatters: Number(matters.district ?? 0),
      licensing: Number(matters.licensing ?? 0),
      licensingFullyOnline: Number(matters.online ?? 0),
    };
  }
}
