import type { Kysely } from 'kysely';
import type { CatalogTables } from '../database.js';
import type { DivisionLevel } from './division.enums.js';
import type { Division } from './division.type.js';

function toDivision(row: CatalogTables['division']): Division {
  return { code: row.code, name: row.name, level: row.level as DivisionLevel, parentCode: row.parent_code };
}

export class DivisionRepository {
  constructor(private readonly db: Kysely<CatalogTables>) {}

  async byCodes(codes: readonly string[]): Promise<Division[]> {
    return (
      await this.db
        .selectFrom('division')
        .selectAll()
        .where('code', 'in', [...codes])
        .execute()
    ).map(toDivision);
  }

  async childrenOf(parentCodes: readonly string[]): Promise<Division[]> {
    const rows = await this.db
      .selectFrom('division')
      .selectAll()
      .where('parent_code', 'in', [...parentCodes])
      .orderBy('parent_code')
      .orderBy('sort_order')
      .execute();
    return rows.map(toDivision);
  }

  async countsByLevel(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('division')
      .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('level')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.level, Number(r.count)]));
  }
}
