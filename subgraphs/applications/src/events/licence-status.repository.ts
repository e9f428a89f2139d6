import type { Kysely } from 'kysely';
import type { LicenceStatusEvent } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';

/** What the licence library last told us about each licence's status. */
export class LicenceStatusRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  /** Idempotent and order-safe: an older event never overwrites a newer one. */
  async record(event: LicenceStatusEvent): Promise<void> {
    const row = { licence_id: event.licenceId, holder_id: event.holderId, status: event.status, changed_at: event.at };
    await this.db
      .insertInto('licence_status')
      .values(row)
      .onConflict((oc) =>
        oc.column('licence_id').doUpdateSet({ status: row.status, changed_at: row.changed_at, holder_id: row.holder_id }).where('licence_status.changed_at', '<=', row.changed_at),
      )
      .execute();
  }

  async statuses(licenceIds: readonly string[]): Promise<Map<string, string>> {
    if (licenceIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('licence_status')
      .select(['licence_id', 'status'])
      .where('licence_id', 'in', [...licenceIds])
      .execute();
    return new Map(rows.map((r) => [r.licence_id, r.status]));
  }
}
