import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { IdentityTables } from '../database.js';
import { currentOn } from '../enterprise/enterprise.repository.js';
import { AgentRole } from '../enterprise/enterprise.enums.js';
import type { IdType } from '../person/person.enums.js';
import { AgentAuthorisationStatus } from './agent-authorisation.enums.js';
import type { AgentAuthorisationRecord } from './agent-authorisation.type.js';

/** An offer not accepted within this many days lapses. */
export const OFFER_OPEN_DAYS = 30;
const DAY_MS = 86_400_000;

type OfferRow = IdentityTables['agent_offer'];

export interface NewOffer {
  enterpriseId: string;
  offeredByAccountId: string;
  idType: IdType;
  idNumberMasked: string;
  name: string;
  /** The person the document and name matched, or null. */
  personId: string | null;
  validFrom: string;
  validTo: string;
}

/** Ids acting tokens carry: random, so they tell nothing about the enterprise or the person. */
function newAuthorisationId(): string {
  return `AUTH-${randomBytes(12).toString('base64url')}`;
}

function toRecord(row: OfferRow, ended: boolean, now: Date): AgentAuthorisationRecord {
  const lapsed = row.status === 'PENDING' && Date.parse(row.offered_at) < now.getTime() - OFFER_OPEN_DAYS * DAY_MS;
  const status =
    row.status === 'ACCEPTED'
      ? ended
        ? AgentAuthorisationStatus.ENDED
        : AgentAuthorisationStatus.ACCEPTED
      : lapsed
        ? AgentAuthorisationStatus.LAPSED
        : AgentAuthorisationStatus.PENDING;
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    status,
    role: AgentRole.AUTHORISED_AGENT,
    idType: row.id_type as IdType,
    idNumberMasked: row.id_number_masked,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    offeredAt: row.offered_at,
  };
}

/**
 * Agent authorisations: offers pending the person's acceptance, the register rows they become
 * (enterprise_agent, with the authorisation id acting tokens carry), and the ones that ended
 * before their time.
 */
export class AuthorisationRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  async offer(offer: NewOffer, now: Date): Promise<AgentAuthorisationRecord> {
    const row: OfferRow = {
      id: newAuthorisationId(),
      enterprise_id: offer.enterpriseId,
      offered_by_account_id: offer.offeredByAccountId,
      id_type: offer.idType,
      id_number_masked: offer.idNumberMasked,
      name: offer.name,
      person_id: offer.personId,
      valid_from: offer.validFrom,
      valid_to: offer.validTo,
      status: 'PENDING',
      offered_at: now.toISOString(),
      accepted_at: null,
    };
    await this.db.insertInto('agent_offer').values(row).execute();
    return toRecord(row, false, now);
  }

  /** The enterprise's offers, newest first, as typed (never the matched person). */
  async offersOf(enterpriseId: string, now: Date, limit = 50): Promise<AgentAuthorisationRecord[]> {
    const rows = await this.db
      .selectFrom('agent_offer')
      .leftJoin('authorisation_ended', 'authorisation_ended.authorisation_id', 'agent_offer.id')
      .selectAll('agent_offer')
      .select('authorisation_ended.authorisation_id as ended_id')
      .where('agent_offer.enterprise_id', '=', enterpriseId)
      .orderBy('agent_offer.offered_at', 'desc')
      .orderBy('agent_offer.id')
      .limit(limit)
      .execute();
    return rows.map(({ ended_id, ...row }) => toRecord(row, ended_id !== null, now));
  }

  /** Offers naming the person that they can still accept, oldest first. */
  async openOffersTo(personId: string, now: Date): Promise<AgentAuthorisationRecord[]> {
    const rows = await this.db
      .selectFrom('agent_offer')
      .selectAll()
      .where('person_id', '=', personId)
      .where('status', '=', 'PENDING')
      .where('offered_at', '>=', new Date(now.getTime() - OFFER_OPEN_DAYS * DAY_MS).toISOString())
      .orderBy('offered_at')
      .execute();
    return rows.map((row) => toRecord(row, false, now));
  }

  /**
   * The person accepts an open offer naming them: it becomes their authorisation in the register,
   * replacing any earlier one of theirs for the enterprise. Null when there is no such offer.
   */
  async accept(offerId: string, personId: string, now: Date, today: string): Promise<{ authorisation: AgentAuthorisationRecord; replaced: string | null } | null> {
    return this.db.transaction().execute(async (trx) => {
      const offer = await trx
        .selectFrom('agent_offer')
        .selectAll()
        .where('id', '=', offerId)
        .where('person_id', '=', personId)
        .where('status', '=', 'PENDING')
        .where('offered_at', '>=', new Date(now.getTime() - OFFER_OPEN_DAYS * DAY_MS).toISOString())
        .executeTakeFirst();
      if (!offer) return null;
      // Guarded by the status, so two acceptances at once make one authorisation.
      const taken = await trx
        .updateTable('agent_offer')
        .set({ status: 'ACCEPTED', accepted_at: now.toISOString() })
        .where('id', '=', offerId)
        .where('status', '=', 'PENDING')
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) return null;
      const agent = { enterprise_id: offer.enterprise_id, person_id: personId, role: AgentRole.AUTHORISED_AGENT };
      const previous = await trx
        .selectFrom('enterprise_agent')
        .select(['authorisation_id', 'valid_from', 'valid_to'])
        .where('enterprise_id', '=', agent.enterprise_id)
        .where('person_id', '=', agent.person_id)
        .where('role', '=', agent.role)
        .executeTakeFirst();
      await trx.deleteFrom('enterprise_agent').where('enterprise_id', '=', agent.enterprise_id).where('person_id', '=', agent.person_id).where('role', '=', agent.role).execute();
      await trx
        .insertInto('enterprise_agent')
        .values({ ...agent, valid_from: offer.valid_from, valid_to: offer.valid_to, authorisation_id: offer.id })
        .execute();
      let replaced: string | null = null;
      if (previous?.authorisation_id && currentOn({ validFrom: previous.valid_from, validTo: previous.valid_to }, today)) {
        replaced = previous.authorisation_id;
        await recordEnded(trx, { authorisationId: replaced, enterpriseId: agent.enterprise_id, reason: 'replaced', endedAt: now.toISOString() });
      }
      return { authorisation: toRecord({ ...offer, status: 'ACCEPTED' }, false, now), replaced };
    });
  }

  /**
   * Ends the person's agent authorisation for the enterprise as of `lastDay` (never lengthening
   * one that ended earlier). `found` false: they were never its agent; `ended`: the authorisation
   * whose tokens must now be refused, when it still had days to run.
   */
  async revoke(enterpriseId: string, personId: string, lastDay: string, now: Date): Promise<{ found: boolean; ended: string | null }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('enterprise_agent')
        .select(['authorisation_id', 'valid_to'])
        .where('enterprise_id', '=', enterpriseId)
        .where('person_id', '=', personId)
        .where('role', '=', AgentRole.AUTHORISED_AGENT)
        .executeTakeFirst();
      if (!row) return { found: false, ended: null };
      if (row.valid_to !== null && row.valid_to <= lastDay) return { found: true, ended: null };
      await trx
        .updateTable('enterprise_agent')
        .set({ valid_to: lastDay })
        .where('enterprise_id', '=', enterpriseId)
        .where('person_id', '=', personId)
        .where('role', '=', AgentRole.AUTHORISED_AGENT)
        .execute();
      if (!row.authorisation_id) return { found: true, ended: null };
      await recordEnded(trx, { authorisationId: row.authorisation_id, enterpriseId, reason: 'revoked', endedAt: now.toISOString() });
      return { found: true, ended: row.authorisation_id };
    });
  }

  /** The authorisation is the person's, for this enterprise, and in force today. */
  async inForce(authorisationId: string, personId: string, enterpriseId: string, today: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('enterprise_agent')
      .select(['valid_from', 'valid_to'])
      .where('authorisation_id', '=', authorisationId)
      .where('person_id', '=', personId)
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirst();
    return row !== undefined && currentOn({ validFrom: row.valid_from, validTo: row.valid_to }, today);
  }

  /** Authorisations that ended at or after `since` (ISO 8601), oldest first. */
  async endedSince(since: string): Promise<Array<{ authorisationId: string; endedAt: string }>> {
    const rows = await this.db.selectFrom('authorisation_ended').select(['authorisation_id', 'ended_at']).where('ended_at', '>=', since).orderBy('ended_at').execute();
    return rows.map((r) => ({ authorisationId: r.authorisation_id, endedAt: r.ended_at }));
  }
}

async function recordEnded(
  trx: Transaction<IdentityTables>,
  ended: { authorisationId: string; enterpriseId: string; reason: 'revoked' | 'replaced'; endedAt: string },
): Promise<void> {
  await trx
    .insertInto('authorisation_ended')
    .values({ authorisation_id: ended.authorisationId, enterprise_id: ended.enterpriseId, reason: ended.reason, ended_at: ended.endedAt })
    .onConflict((oc) => oc.column('authorisation_id').doNothing())
    .execute();
}
