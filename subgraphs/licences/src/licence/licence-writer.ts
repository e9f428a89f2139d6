import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { LicenceTables } from '../database.js';
import type { LicenceRecord } from './licence.type.js';

export interface LicenceEvent {
  licenceId: string;
  at: string;
  action: string;
  actorAccountId: string | null;
  departmentCode: string | null;
  reason: string | null;
}

/** Writes to the library: a licence with its first event, a status change with its event — each in one transaction. */
export class LicenceWriter {
  constructor(private readonly db: Kysely<LicenceTables>) {}

  async nextSerial(typeCode: string): Promise<number> {
    const row = await this.db.selectFrom('licence').select(sql<number>`count(*)`.as('count')).where('type_code', '=', typeCode).executeTakeFirstOrThrow();
    return Number(row.count) + 1;
  }

  async insert(licence: LicenceRecord, event: LicenceEvent, replaces?: { id: string; statusCode: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (replaces) await trx.updateTable('licence').set({ status_code: replaces.statusCode }).where('id', '=', replaces.id).execute();
      await trx
        .insertInto('licence')
        .values({
          id: licence.id,
          type_code: licence.typeCode,
          number: licence.number,
          holder_id: licence.holderId,
          holder_name: licence.holderName,
          issuer_code: licence.issuerCode,
          issued_on: licence.issuedOn,
          valid_from: licence.validFrom,
          valid_to: licence.validTo,
          status_code: licence.statusCode,
          data: JSON.stringify(licence.data),
          version: licence.version,
          previous_id: licence.previousId,
          created_at: event.at,
          signature: licence.signature,
          key_id: licence.keyId,
          case_id: licence.caseId,
        })
        .execute();
      await this.recordEvent(trx, event);
    });
  }

  /** Changes the status only if it is still what the caller saw: two officers cannot both win. */
  async changeStatus(id: string, from: string, to: string, event: LicenceEvent): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('licence').set({ status_code: to }).where('id', '=', id).where('status_code', '=', from).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await this.recordEvent(trx, event);
      return true;
    });
  }

  private async recordEvent(trx: Kysely<LicenceTables>, event: LicenceEvent): Promise<void> {
    await trx
      .insertInto('licence_event')
      .values({
        id: randomUUID(),
        licence_id: event.licenceId,
        at: event.at,
        action: event.action,
        actor_account_id: event.actorAccountId,
        department_code: event.departmentCode,
        reason: event.reason,
      })
      .execute();
  }
}
