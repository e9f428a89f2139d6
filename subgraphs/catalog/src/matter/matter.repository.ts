import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CatalogTables } from '../database.js';
import { CaseType, FormFieldType, MatterLevel, MatterType, ServedObject } from './matter.enums.js';
import type { FormField, MaterialRequirement, Matter } from './matter.type.js';
import type { MatterFilter } from './matter-filter.input.js';

type MatterRow = CatalogTables['matter'];

export function toMatter(row: MatterRow): Matter {
  return {
    code: row.code,
    basicCode: row.basic_code,
    name: row.name,
    type: row.type as MatterType,
    level: row.level as MatterLevel,
    departmentCode: row.department_code,
    legalBasis: row.legal_basis,
    legalTimeLimitDays: row.legal_time_limit_days,
    promisedTimeLimitDays: row.promised_time_limit_days,
    caseType: row.case_type as CaseType,
    onlineDepth: row.online_depth,
    visitsRequired: row.visits_required,
    fee: row.fee,
    servedObjects: JSON.parse(row.served_objects) as ServedObject[],
    version: row.version,
  };
}

/** LIKE with the user's % and _ taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class MatterRepository {
  constructor(private readonly db: Kysely<CatalogTables>) {}

  async byCodes(codes: readonly string[]): Promise<Matter[]> {
    const rows = await this.db.selectFrom('matter').selectAll().where('code', 'in', [...codes]).execute();
    return rows.map(toMatter);
  }

  private filtered(filter: MatterFilter | undefined) {
    let query = this.db.selectFrom('matter').innerJoin('department', 'department.code', 'matter.department_code');
    if (filter?.text) {
      const pattern = likePattern(filter.text);
      query = query.where((eb) =>
        eb.or([
          eb('matter.name', 'like', sql<string>`${pattern} escape '\\'`),
          eb('department.name', 'like', sql<string>`${pattern} escape '\\'`),
        ]),
      );
    }
    if (filter?.departmentCode) query = query.where('matter.department_code', '=', filter.departmentCode);
    if (filter?.type) query = query.where('matter.type', '=', filter.type);
    if (filter?.caseType) query = query.where('matter.case_type', '=', filter.caseType);
    if (filter?.minOnlineDepth) query = query.where('matter.online_depth', '>=', filter.minOnlineDepth);
    if (filter?.servedObject) query = query.where('matter.served_objects', 'like', `%"${filter.servedObject}"%`);
    return query;
  }

  async count(filter: MatterFilter | undefined): Promise<number> {
    const row = await this.filtered(filter).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Keyset page ordered by code: stable under inserts, no OFFSET scans. */
  async page(filter: MatterFilter | undefined, first: number, afterCode: string | undefined): Promise<Matter[]> {
    let query = this.filtered(filter).selectAll('matter') as unknown as SelectQueryBuilder<CatalogTables, 'matter', MatterRow>;
    if (afterCode !== undefined) query = query.where('matter.code', '>', afterCode);
    const rows = await query.orderBy('matter.code').limit(first).execute();
    return rows.map(toMatter);
  }

  async materialsOf(codes: readonly string[]): Promise<Array<MaterialRequirement & { matterCode: string }>> {
    const rows = await this.db
      .selectFrom('matter_material')
      .selectAll()
      .where('matter_code', 'in', [...codes])
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      matterCode: r.matter_code,
      code: r.code,
      name: r.name,
      required: r.required === 1,
      acceptsLicenceType: r.accepts_licence_type ? { code: r.accepts_licence_type } : null,
    }));
  }

  async formFieldsOf(codes: readonly string[]): Promise<Array<FormField & { matterCode: string }>> {
    const rows = await this.db
      .selectFrom('matter_form_field')
      .selectAll()
      .where('matter_code', 'in', [...codes])
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      matterCode: r.matter_code,
      key: r.key,
      label: r.label,
      type: r.type as FormFieldType,
      required: r.required === 1,
      source: r.source,
      options: r.options ? (JSON.parse(r.options) as string[]) : null,
    }));
  }
}
