import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Dialect } from '@govgraph/kit';
import type { CatalogTables } from '../database.js';
import type { CaseType, FormFieldType, MaterialKind, MatterLevel, MatterType, ServedObject } from './matter.enums.js';
import type { FormField, FormFieldRules, MaterialRequirement, Matter } from './matter.type.js';
import type { MatterFilter } from './matter-filter.input.js';
import { searchBigram } from './search-bigrams.js';

/** An implementation row joined with its definition: what the GraphQL type reads. */
const MATTER_COLUMNS = [
  'matter.code',
  'matter.basic_code',
  'matter.level',
  'matter.department_code',
  'matter.division_code',
  'matter_definition.name',
  'matter_definition.type',
  'matter_definition.legal_basis',
  'matter_definition.legal_time_limit_days',
  'matter_definition.promised_time_limit_days',
  'matter_definition.case_type',
  'matter_definition.online_depth',
  'matter_definition.visits_required',
  'matter_definition.fee',
  'matter_definition.served_objects',
  'matter_definition.version',
] as const;

type MatterRow = Pick<CatalogTables['matter'], 'code' | 'basic_code' | 'level' | 'department_code' | 'division_code'> &
  Omit<CatalogTables['matter_definition'], 'basic_code' | 'department_code'>;

export function toMatter(row: MatterRow): Matter {
  return {
    code: row.code,
    basicCode: row.basic_code,
    name: row.name,
    type: row.type as MatterType,
    level: row.level as MatterLevel,
    departmentCode: row.department_code,
    divisionCode: row.division_code,
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

/** Filters that read the definition: only these make a count join the definitions. */
const DEFINITION_FILTERS = ['type', 'caseType', 'minOnlineDepth', 'servedObject'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class MatterRepository {
  constructor(
    private readonly db: Kysely<CatalogTables>,
    private readonly dialect: Dialect,
  ) {}

  private base() {
    return this.db.selectFrom('matter').innerJoin('matter_definition', 'matter_definition.basic_code', 'matter.basic_code');
  }

  async byCodes(codes: readonly string[]): Promise<Matter[]> {
    const rows = await this.base()
      .select(MATTER_COLUMNS)
      .where('matter.code', 'in', [...codes])
      .execute();
    return rows.map(toMatter);
  }

  private filtered(filter: MatterFilter | undefined) {
    let query = this.implementationFilters(this.base(), filter);
    if (filter?.type) query = query.where('matter_definition.type', '=', filter.type);
    if (filter?.caseType) query = query.where('matter_definition.case_type', '=', filter.caseType);
    if (filter?.minOnlineDepth) query = query.where('matter_definition.online_depth', '>=', filter.minOnlineDepth);
    if (filter?.servedObject) query = query.where('matter_definition.served_objects', 'like', `%"${filter.servedObject}"%`);
    return query;
  }

  /** Conditions on the implementation table alone: text, department, division, level. */
  private implementationFilters<Q extends SelectQueryBuilder<CatalogTables, 'matter' | 'matter_definition', object> | SelectQueryBuilder<CatalogTables, 'matter', object>>(
    start: Q,
    filter: MatterFilter | undefined,
  ): Q {
    let query = start as SelectQueryBuilder<CatalogTables, 'matter', object>;
    const text = filter?.text?.trim();
    const bigram = text ? searchBigram(text) : null;
    if (bigram) {
      // Two characters: the bigram index (search-bigrams.ts), the same on both databases.
      query = query.where('matter.code', 'in', (eb) => eb.selectFrom('matter_bigram').select('matter_bigram.matter_code').where('matter_bigram.bigram', '=', bigram));
    } else if (text) {
      if (this.dialect === 'postgres') {
        // pg_trgm's GIN index serves ILIKE for three characters and more.
        query = query.where(sql<boolean>`matter.search_text ilike ${`%${escapeLike(text)}%`} escape '\\'`);
      } else if ([...text].length >= 3) {
        // FTS5 trigram: a quoted phrase matches any substring of three characters or more.
        const phrase = `"${text.replaceAll('"', '""')}"`;
        query = query.where(sql<boolean>`matter.rowid in (select rowid from matter_search where matter_search match ${phrase})`);
      } else {
        query = query.where(sql<boolean>`matter.search_text like ${`%${escapeLike(text)}%`} escape '\\'`);
      }
    }
    if (filter?.departmentCode) query = query.where('matter.department_code', '=', filter.departmentCode);
    if (filter?.divisionCode) query = query.where('matter.division_code', '=', filter.divisionCode);
    if (filter?.level) query = query.where('matter.level', '=', filter.level);
    return query as Q;
  }

  async count(filter: MatterFilter | undefined): Promise<number> {
    const byDepartmentAtMost = !filter?.text?.trim() && !filter?.divisionCode && !filter?.level && !DEFINITION_FILTERS.some((key) => filter?.[key]);
    if (byDepartmentAtMost) {
      // The whole catalog's or one department's count is on the department rows (migration 0003):
      // counting 194,400 matters at 100× cost PostgreSQL a sequential scan on every first page.
      let departments = this.db.selectFrom('department').select(sql<number>`coalesce(sum(matter_count), 0)`.as('count'));
      if (filter?.departmentCode) departments = departments.where('code', '=', filter.departmentCode);
      return Number((await departments.executeTakeFirstOrThrow()).count);
    }
    if (!DEFINITION_FILTERS.some((key) => filter?.[key])) {
      // Counting implementations alone spares a join over the whole catalog (most pages filter nothing or text only).
      const row = await this.implementationFilters(this.db.selectFrom('matter'), filter).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
      return Number(row.count);
    }
    const row = await this.filtered(filter).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Keyset page ordered by code: stable under inserts, no OFFSET scans. Forward, `limit` matters
   * after `cursor` in code order; backward, the `limit` matters before it, last first (the caller
   * turns them back). Both walk the code order of the index the filter picks (primary key,
   * matter_department, matter_division), one way or the other.
   */
  async page(filter: MatterFilter | undefined, limit: number, cursor: string | undefined, backward = false): Promise<Matter[]> {
    let query = this.filtered(filter).select(MATTER_COLUMNS);
    if (cursor !== undefined) query = query.where('matter.code', backward ? '<' : '>', cursor);
    const rows = await query
      .orderBy('matter.code', backward ? 'desc' : 'asc')
      .limit(limit)
      .execute();
    return rows.map(toMatter);
  }

  /**
   * Whether a matter of the filter has the cursor's code or lies on its other side: before it for
   * a forward page (`hasPreviousPage`), after it for a backward one (`hasNextPage`). One seek, limit 1.
   */
  async reachesPast(filter: MatterFilter | undefined, cursor: string, backward: boolean): Promise<boolean> {
    const start = DEFINITION_FILTERS.some((key) => filter?.[key]) ? this.filtered(filter) : this.implementationFilters(this.db.selectFrom('matter'), filter);
    const row = await start
      .select(sql<number>`1`.as('one'))
      .where('matter.code', backward ? '>=' : '<=', cursor)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async materialsOf(basicCodes: readonly string[]): Promise<Array<MaterialRequirement & { basicCode: string }>> {
    const rows = await this.db
      .selectFrom('matter_material')
      .selectAll()
      .where('basic_code', 'in', [...basicCodes])
      .orderBy('basic_code')
      .orderBy('position')
      .execute();
    return rows.map((r) => {
      const types = (JSON.parse(r.accepts_licence_types) as string[]).map((code) => ({ code }));
      return {
        basicCode: r.basic_code,
        code: r.code,
        name: r.name,
        required: r.required === 1,
        kind: r.kind as MaterialKind,
        acceptsLicenceTypes: types,
        // The one type of the first contract, the first of the declared ones (the column holds the same).
        acceptsLicenceType: types[0] ?? (r.accepts_licence_type ? { code: r.accepts_licence_type } : null),
        documentCategory: r.document_category,
        validForDays: r.valid_for_days,
      };
    });
  }

  async formFieldsOf(basicCodes: readonly string[]): Promise<Array<FormField & { basicCode: string }>> {
    const rows = await this.db
      .selectFrom('matter_form_field')
      .selectAll()
      .where('basic_code', 'in', [...basicCodes])
      .orderBy('basic_code')
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      basicCode: r.basic_code,
      key: r.key,
      label: r.label,
      type: r.type as FormFieldType,
      required: r.required === 1,
      source: r.source,
      options: r.options ? (JSON.parse(r.options) as string[]) : null,
      rules: r.rules ? (JSON.parse(r.rules) as FormFieldRules) : null,
    }));
  }
}
