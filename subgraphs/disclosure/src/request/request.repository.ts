import type { Kysely, Selectable, Transaction } from 'kysely';
import { isUniqueViolation, keysetPage, type KeysetPage, type PageRequest } from '@govgraph/kit';
import type { DisclosureTables } from '../database.js';
import type { KeyCursor } from '../page.js';
import { DisclosureRequestStatus, type DisclosureOutcome, type DisclosureRefusalGround, type DisclosureReviewKind, type DisclosureReviewResult } from './request.enums.js';
import type { RequestRecord, ReviewRecord } from './request.type.js';

type RequestRow = Selectable<DisclosureTables['disclosure_request']>;
type ReviewRow = Selectable<DisclosureTables['disclosure_review']>;

export interface NewRequest {
  requesterId: string;
  submittedBy: string;
  departmentCode: string;
  description: string;
  receivedOn: string;
  dueOn: string;
}

export interface Extension {
  days: number;
  reason: string;
  decidedOn: string;
  dueOn: string;
}

export interface Answer {
  outcome: DisclosureOutcome;
  refusalGround: DisclosureRefusalGround | null;
  repliedOn: string;
}

export interface NewReview {
  requestId: string;
  departmentCode: string;
  kind: DisclosureReviewKind;
  filedOn: string;
  result: DisclosureReviewResult;
  closedOn: string | null;
}

/** The next id of a table whose ids are `<prefix>-000001`, read inside the writing transaction. */
async function nextId(trx: Transaction<DisclosureTables>, table: 'disclosure_request' | 'disclosure_review', prefix: string): Promise<string> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst();
  const last = row?.last ? Number(String(row.last).slice(prefix.length + 1)) : 0;
  return `${prefix}-${String(last + 1).padStart(6, '0')}`;
}

/** Two writers at once may pick the same next id: the loser's insert fails on the key and retries. */
async function withFreshId<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 5 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Reads and writes of requests and their reviews; each write is one transaction. */
export class RequestRepository {
  constructor(private readonly db: Kysely<DisclosureTables>) {}

  async byIds(ids: readonly string[]): Promise<RequestRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('disclosure_request')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toRequest);
  }

  /** Every request of these requesters, newest first, in one query (a DataLoader batch). */
  async ofRequesters(requesterIds: readonly string[]): Promise<RequestRecord[]> {
    if (requesterIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('disclosure_request')
      .selectAll()
      .where('requester_id', 'in', [...requesterIds])
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRequest);
  }

  /** The reviews of these requests, earliest filed first. */
  async reviewsOf(requestIds: readonly string[]): Promise<ReviewRecord[]> {
    if (requestIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('disclosure_review')
      .selectAll()
      .where('request_id', 'in', [...requestIds])
      .orderBy('filed_on')
      .orderBy('id')
      .execute();
    return rows.map(toReview);
  }

  /**
   * A department's requests in the given states, earliest due date first. The cursor is a (due_on, id);
   * a forward page reads above it ascending, a backward one below it descending (then turned back).
   */
  async queue(departmentCode: string, statuses: readonly string[], page: PageRequest<KeyCursor>): Promise<KeysetPage<RequestRecord>> {
    const base = this.db
      .selectFrom('disclosure_request')
      .where('department_code', '=', departmentCode)
      .where('status', 'in', [...statuses]);
    // (due_on, id) leads the disclosure_request_queue index after the two filters: keysetPage seeks it.
    return keysetPage({ base, sortColumn: 'due_on', direction: 'asc', page, cursorKey: 'sortKey', toRecord: toRequest });
  }

  /** Files a new request; returns it as stored. */
  create(request: NewRequest): Promise<RequestRecord> {
    return withFreshId(() =>
      this.db.transaction().execute(async (trx) => {
        const id = await nextId(trx, 'disclosure_request', 'DQ');
        const row: RequestRow = {
          id,
          requester_id: request.requesterId,
          submitted_by: request.submittedBy,
          department_code: request.departmentCode,
          status: DisclosureRequestStatus.RECEIVED,
          received_on: request.receivedOn,
          description: request.description,
          due_on: request.dueOn,
          original_due_on: request.dueOn,
          extended_days: null,
          extension_reason: null,
          extended_on: null,
          outcome: null,
          refusal_ground: null,
          replied_on: null,
          fee_yuan: 0,
          note: null,
        };
        await trx.insertInto('disclosure_request').values(row).execute();
        return toRequest(row);
      }),
    );
  }

  /**
   * Extends an unanswered, never-extended request; null when it no longer is one (another officer
   * was first). The condition is in the update itself, so two officers cannot both extend.
   */
  extend(id: string, extension: Extension): Promise<RequestRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('disclosure_request')
        .set({
          status: DisclosureRequestStatus.EXTENDED,
          extended_days: extension.days,
          extension_reason: extension.reason,
          extended_on: extension.decidedOn,
          due_on: extension.dueOn,
        })
        .where('id', '=', id)
        .where('status', '=', DisclosureRequestStatus.RECEIVED)
        .where('extended_days', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return toRequest(await trx.selectFrom('disclosure_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** Answers an unanswered request; null when it was answered meanwhile. */
  answer(id: string, answer: Answer): Promise<RequestRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('disclosure_request')
        .set({ status: DisclosureRequestStatus.ANSWERED, outcome: answer.outcome, refusal_ground: answer.refusalGround, replied_on: answer.repliedOn })
        .where('id', '=', id)
        .where('status', '!=', DisclosureRequestStatus.ANSWERED)
        .where('replied_on', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return toRequest(await trx.selectFrom('disclosure_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** Records a review of an answered request. */
  addReview(review: NewReview): Promise<ReviewRecord> {
    return withFreshId(() =>
      this.db.transaction().execute(async (trx) => {
        const id = await nextId(trx, 'disclosure_review', 'DV');
        const row: ReviewRow = {
          id,
          request_id: review.requestId,
          department_code: review.departmentCode,
          kind: review.kind,
          filed_on: review.filedOn,
          result: review.result,
          closed_on: review.closedOn,
        };
        await trx.insertInto('disclosure_review').values(row).execute();
        return toReview(row);
      }),
    );
  }
}

export function toRequest(row: RequestRow): RequestRecord {
  return {
    id: row.id,
    requesterId: row.requester_id,
    departmentCode: row.department_code,
    status: row.status as DisclosureRequestStatus,
    description: row.description,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    extendedDays: row.extended_days === null ? null : Number(row.extended_days),
    extensionReason: row.extension_reason,
    extendedOn: row.extended_on,
    outcome: row.outcome as DisclosureOutcome | null,
    refusalGround: row.refusal_ground as DisclosureRefusalGround | null,
    repliedOn: row.replied_on,
    feeYuan: Number(row.fee_yuan),
  };
}

function toReview(row: ReviewRow): ReviewRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    departmentCode: row.department_code,
    kind: row.kind as DisclosureReviewKind,
    filedOn: row.filed_on,
    result: row.result as DisclosureReviewResult,
    closedOn: row.closed_on,
  };
}
