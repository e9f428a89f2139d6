import type { Kysely } from 'kysely';
import { CITY_DEPARTMENTS, generateCatalog, insertInBatches } from '@govgraph/kit';
import type { CatalogTables } from '../database.js';
import { divisionRows } from './divisions.js';
import { bigramRows } from '../matter/search-bigrams.js';

export type SeedProgress = (step: string, done: number, total: number) => void;

const REFERENCE_TABLES = ['matter_form_field', 'matter_material', 'matter_bigram', 'matter', 'matter_definition', 'division', 'department'] as const;

/**
 * Writes the demo catalog: 35 departments, the division tree, and the generated matters, in bulk
 * (multi-row inserts inside the caller's transaction). Replaces whatever catalog was there.
 */
export async function seedCatalog(db: Kysely<CatalogTables>, options: { scale?: number; progress?: SeedProgress } = {}): Promise<void> {
  const progress = options.progress ?? (() => undefined);
  for (const table of REFERENCE_TABLES) await db.deleteFrom(table).execute();

  const { definitions, implementations } = generateCatalog(options.scale ?? 1);
  const counts = new Map<string, number>();
  for (const i of implementations) counts.set(i.departmentCode, (counts.get(i.departmentCode) ?? 0) + 1);
  const departments = CITY_DEPARTMENTS.map((d, i) => ({ code: d.code, key: d.key, name: d.name, sort_order: i + 1, matter_count: counts.get(d.code) ?? 0 }));
  await insertInBatches(db, 'department', departments);
  await insertInBatches(db, 'division', divisionRows());
  progress('departments and divisions', 1, 1);

  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  const nameOf = new Map(definitions.map((d) => [d.basicCode, d.name]));

  const matters = implementations.map((i) => ({
    code: i.code,
    basic_code: i.basicCode,
    level: i.level,
    department_code: i.departmentCode,
    division_code: i.divisionCode,
    search_text: `${nameOf.get(i.basicCode)} ${departmentName.get(i.departmentCode)}`,
  }));
  const rows = {
    matter_definition: definitions.map((m) => ({
      basic_code: m.basicCode,
      name: m.name,
      type: m.type,
      department_code: m.departmentCode,
      legal_basis: m.legalBasis,
      legal_time_limit_days: m.legalTimeLimitDays,
      promised_time_limit_days: m.promisedTimeLimitDays,
      case_type: m.caseType,
      online_depth: m.onlineDepth,
      visits_required: m.visitsRequired,
      fee: m.fee,
      served_objects: JSON.stringify(m.servedObjects),
      version: 1,
    })),
    matter: matters,
    matter_bigram: bigramRows(matters),
    matter_material: definitions.flatMap((m) =>
      m.materials.map((material, position) => ({
        basic_code: m.basicCode,
        code: material.code,
        name: material.name,
        required: material.required ? 1 : 0,
        accepts_licence_type: material.kind === 'LICENCE' ? material.acceptsLicenceTypes[0] : null,
        kind: material.kind,
        accepts_licence_types: JSON.stringify(material.kind === 'LICENCE' ? material.acceptsLicenceTypes : []),
        document_category: material.kind === 'DOCUMENT' ? material.documentCategory : null,
        valid_for_days: material.kind === 'DOCUMENT' ? (material.validForDays ?? null) : null,
        position,
      })),
    ),
    matter_form_field: definitions.flatMap((m) =>
      m.fields.map((field, position) => ({
        basic_code: m.basicCode,
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required ? 1 : 0,
        source: field.source ?? null,
        options: field.options ? JSON.stringify(field.options) : null,
        rules: field.rules ? JSON.stringify(field.rules) : null,
        position,
      })),
    ),
  };
  for (const [table, tableRows] of Object.entries(rows)) {
    const chunk = 20_000;
    for (let start = 0; start < tableRows.length; start += chunk) {
      await insertInBatches(db, table, tableRows.slice(start, start + chunk));
      progress(table, Math.min(start + chunk, tableRows.length), tableRows.length);
    }
  }
}
