import type { Kysely } from 'kysely';
import { CASE_DECISION_STREAM, type CaseDecisionEvent, type EventBus } from '@govgraph/kit';
import type { LicenceTables } from '../database.js';

export type CaseDecision = LicenceTables['case_decision'];

/** How long issueLicence waits for a decision still on its way from the case system. */
const ARRIVAL_WAIT_MS = 3_000;

/** The case system's decisions, as far as the licence library needs them. */
export class CaseDecisions {
  constructor(private readonly db: Kysely<LicenceTables>) {}

  /** Idempotent; a later decision replaces an earlier one. */
  async record(event: CaseDecisionEvent): Promise<void> {
    const row: CaseDecision = {
      case_id: event.caseId,
      applicant_id: event.applicantId,
      department_code: event.departmentCode,
      licensing: event.licensing ? 1 : 0,
      status: event.status,
      at: event.at,
    };
    await this.db
      .insertInto('case_decision')
      .values(row)
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ status: row.status, at: row.at }).where('case_decision.at', '<=', row.at))
      .execute();
  }

  async find(caseId: string): Promise<CaseDecision | null> {
    return (await this.db.selectFrom('case_decision').selectAll().where('case_id', '=', caseId).executeTakeFirst()) ?? null;
  }

  /** The decision, waiting briefly when the officer issues right after approving (events are asynchronous). */
  async awaitDecision(caseId: string): Promise<CaseDecision | null> {
    const deadline = Date.now() + ARRIVAL_WAIT_MS;
    for (;;) {
      const decision = await this.find(caseId);
      if (decision || Date.now() >= deadline) return decision;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async licenceIssuedFor(caseId: string): Promise<string | null> {
    const row = await (this.db as Kysely<LicenceTables>).selectFrom('licence').select('id').where('case_id', '=', caseId).executeTakeFirst();
    return row?.id ?? null;
  }

  consume(bus: EventBus): void {
    bus.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => this.record(event.payload as CaseDecisionEvent));
  }
}
