import type { Kysely } from 'kysely';
import type { LicenceTables } from '../database.js';
import type { LicenceRecord } from './licence.type.js';

export function toLicence(row: LicenceTables['licence']): LicenceRecord {
  return {
    id: row.id,
    typeCode: row.type_code,
    number: row.number,
    holderId: row.holder_id,
    holderName: row.holder_name,
    issuerCode: row.issuer_code,
    issuedOn: row.issued_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    statusCode: row.status_code,
    data: JSON.parse(row.data) as Record<string, string>,
    version: row.version,
    previousId: row.previous_id,
    signature: row.signature,
    keyId: row.key_id,
    caseId: row.case_id,
  };
}

export class LicenceRepository {
  constructor(private readonly db: Kysely<LicenceTables>) {}

  async byIds(ids: readonly string[]): Promise<LicenceRecord[]> {
    return (
      await this.db
        .selectFrom('licence')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    ).map(toLicence);
  }

  async historyOf(ids: readonly string[]): Promise<Array<{ licenceId: string; at: string; action: string; departmentCode: string | null; reason: string | null }>> {
    const rows = await this.db
      .selectFrom('licence_event')
      .select(['licence_id', 'at', 'action', 'department_code', 'reason'])
      .where('licence_id', 'in', [...ids])
      .orderBy('at')
      .execute();
    return rows.map((r) => ({ licenceId: r.licence_id, at: r.at, action: r.action, departmentCode: r.department_code, reason: r.reason }));
  }

  /** Every licence of each holder, newest validity first. */
  async ofHolders(holderIds: readonly string[]): Promise<LicenceRecord[]> {
    const rows = await this.db
      .selectFrom('licence')
      .selectAll()
      .where('holder_id', 'in', [...holderIds])
      .orderBy('type_code')
      .orderBy('valid_from', 'desc')
      .execute();
    return rows.map(toLicence);
  }
}
