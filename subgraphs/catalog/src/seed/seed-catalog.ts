import type { Kysely } from 'kysely';
import { DEPARTMENTS, insertInBatches } from '@govgraph/kit';
import type { CatalogTables } from '../database.js';
import { MatterLevel } from '../matter/matter.enums.js';
import { DEMO_MATTERS } from './demo-matters.js';

/** Deterministic demo catalog: the same rows on every machine and every dialect. */
export async function seedCatalog(db: Kysely<CatalogTables>): Promise<void> {
  await insertInBatches(
    db,
    'department',
    Object.values(DEPARTMENTS).map((d, i) => ({ code: d.code, key: d.key, name: d.name, sort_order: i + 1 })),
  );
  await insertInBatches(
    db,
    'matter',
    DEMO_MATTERS.map((m) => ({
      code: m.code,
      basic_code: m.basicCode,
      name: m.name,
      type: m.type,
      level: MatterLevel.CITY,
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
  );
  await insertInBatches(
    db,
    'matter_material',
    DEMO_MATTERS.flatMap((m) =>
      m.materials.map((material, position) => ({
        matter_code: m.code,
        code: material.code,
        name: material.name,
        required: material.required ? 1 : 0,
        accepts_licence_type: material.acceptsLicenceType ?? null,
        position,
      })),
    ),
  );
  await insertInBatches(
    db,
    'matter_form_field',
    DEMO_MATTERS.flatMap((m) =>
      m.fields.map((field, position) => ({
        matter_code: m.code,
        key: field.key,
        label: field.label,
        type: field.type,
        required: field.required ? 1 : 0,
        source: field.source ?? null,
        options: field.options ? JSON.stringify(field.options) : null,
        position,
      })),
    ),
  );
}
