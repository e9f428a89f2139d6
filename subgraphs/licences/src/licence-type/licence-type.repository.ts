import type { Kysely } from 'kysely';
import type { LicenceTables } from '../database.js';
import type { HolderKind } from './licence-type.enums.js';
import type { LicenceFieldDefinition, LicenceType } from './licence-type.type.js';

export function toLicenceType(row: LicenceTables['licence_type']): LicenceType {
  return {
    code: row.code,
    name: row.name,
    issuer: { code: row.issuer_code },
    holderKind: row.holder_kind as HolderKind,
    defaultValidityYears: row.default_validity_years,
    fields: JSON.parse(row.fields) as LicenceFieldDefinition[],
  };
}

export class LicenceTypeRepository {
  constructor(private readonly db: Kysely<LicenceTables>) {}

  async all(): Promise<LicenceType[]> {
    return (await this.db.selectFrom('licence_type').selectAll().orderBy('code').execute()).map(toLicenceType);
  }

  async byCodes(codes: readonly string[]): Promise<LicenceType[]> {
    return (
      await this.db
        .selectFrom('licence_type')
        .selectAll()
        .where('code', 'in', [...codes])
        .execute()
    ).map(toLicenceType);
  }
}
