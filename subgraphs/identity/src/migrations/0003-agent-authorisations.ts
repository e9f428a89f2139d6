import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Agent authorisations with an identity of their own (issue 17):
 * - `enterprise_agent.authorisation_id` names each authorisation an agent acts under; acting
 *   tokens carry it, so ending one ends its tokens. Existing agents get a stable id from their
 *   enterprise and person; new authorisations a random one.
 * - `agent_offer`: what a legal representative typed, pending until the named person accepts
 *   it from their own account. `person_id` is the person the document and name matched, or
 *   null; it is never shown to the representative, so nothing they see tells whether it matched.
 * - `authorisation_ended`: every authorisation that ended before its time, for those who refuse
 *   its tokens (the gateways read it at start; identity publishes each on `authorisation-ended`).
 */
export const agentAuthorisations: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('enterprise_agent').addColumn('authorisation_id', 'varchar(40)').execute();
    await sql`update enterprise_agent set authorisation_id = 'AUTH-' || enterprise_id || '-' || person_id where role = 'AUTHORISED_AGENT'`.execute(db);
    await db.schema.createIndex('enterprise_agent_authorisation').unique().on('enterprise_agent').column('authorisation_id').execute();

    await db.schema
      .createTable('agent_offer')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'varchar(32)', (c) => c.notNull().references('enterprise.id'))
      .addColumn('offered_by_account_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('id_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('id_number_masked', 'varchar(32)', (c) => c.notNull())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('person_id', 'varchar(32)', (c) => c.references('person.id'))
      .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('valid_to', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('offered_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('accepted_at', 'varchar(32)')
      .execute();
    await db.schema.createIndex('agent_offer_enterprise').on('agent_offer').columns(['enterprise_id', 'offered_at']).execute();
    await db.schema.createIndex('agent_offer_person').on('agent_offer').columns(['person_id', 'status']).execute();

    await db.schema
      .createTable('authorisation_ended')
      .addColumn('authorisation_id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('reason', 'varchar(16)', (c) => c.notNull())
      .addColumn('ended_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('authorisation_ended_at').on('authorisation_ended').column('ended_at').execute();
  },
};
