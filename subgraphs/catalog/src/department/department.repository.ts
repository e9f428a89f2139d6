import type { Kysely } from 'kysely';
import type { CatalogTables } from '../database.js';
import type { Department } from './department.type.js';

export class DepartmentRepository {
  constructor(private readonly db: Kysely<CatalogTables>) {}

  all(): Promise<Department[]> {
    return this.db.selectFrom('department').select(['code', 'name']).orderBy('sort_order').execute();
  }

  byCodes(codes: readonly string[]): Promise<Department[]> {
    return this.db
      .selectFrom('department')
      .select(['code', 'name'])
      .where('code', 'in', [...codes])
      .execute();
  }

  async matterCounts(codes: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('department')
      .select(['code', 'matter_count'])
      .where('code', 'in', [...codes])
      .execute();
    return new Map(rows.map((r) => [r.code, Number(r.matter_count)]));
  }
}
