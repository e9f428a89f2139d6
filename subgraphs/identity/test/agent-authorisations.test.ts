import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Claims, type Database } from '@govgraph/kit';
import { createScratchSchema, POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import type { IdentityTables } from '../src/database.js';
import { mayStillAct } from '../src/authorisation/acting-right.js';
import { AuthorisationRepository } from '../src/authorisation/authorisation.repository.js';
import { EnterpriseRepository } from '../src/enterprise/enterprise.repository.js';
import { identityMigrations } from '../src/migrations/index.js';

const postgresUp = await postgresAvailable();
const TODAY = '2026-03-02';
const NOW = new Date('2026-03-02T04:00:00.000Z');
const person = (id: string, idNumber: string) => ({
  id,
  id_type: 'RESIDENT_ID',
  id_number: idNumber,
  name: id,
  gender: 'MALE',
  birth_date: '1990-03-07',
  mobile: '1',
  email: null,
  division_code: '440303',
  address_detail: '-',
  updated_at: '-',
});

/** Agents as a database seeded before authorisations had ids, then migrated. */
function authorisationContract(open: () => Promise<{ database: Database<IdentityTables>; cleanup(): Promise<void> }>) {
  let database: Database<IdentityTables>;
  let cleanup: () => Promise<void>;
  let authorisations: AuthorisationRepository;
  let services: Parameters<typeof mayStillAct>[1];
  const acting = (personId: string, authorisationId?: string): Claims => ({
    accountId: 'A-1',
    personId,
    applicantId: 'E-1',
    roles: ['citizen'],
    department: null,
    ...(authorisationId ? { authorisationId } : {}),
  });

  beforeAll(async () => {
    ({ database, cleanup } = await open());
    const { '0003-agent-authorisations': latest, ...older } = identityMigrations;
    await migrateToLatest(database.db, older, database.dialect);
    await database.db
      .insertInto('person')
      .values([person('P-1', '1'), person('P-2', '2'), person('P-3', '3')])
      .execute();
    await database.db
      .insertInto('enterprise')
      .values({
        id: 'E-1',
        credit_code: 'X',
        name: 'E',
        entity_type: '-',
        legal_representative_id: 'P-1',
        division_code: '440303',
        address_detail: '-',
        established_on: '2020-01-01',
        status: '存续',
        updated_at: '-',
      })
      .execute();
    await (database.db as any)
      .insertInto('enterprise_agent')
      .values([
        { enterprise_id: 'E-1', person_id: 'P-1', role: 'LEGAL_REPRESENTATIVE', valid_from: '2020-01-01', valid_to: null },
        { enterprise_id: 'E-1', person_id: 'P-2', role: 'AUTHORISED_AGENT', valid_from: '2024-01-01', valid_to: '2030-12-31' },
      ])
      .execute();
    expect(latest).toBeDefined();
    expect(await migrateToLatest(database.db, identityMigrations, database.dialect)).toEqual(['0003-agent-authorisations']);
    authorisations = new AuthorisationRepository(database.db);
    services = { authorisations, enterprises: new EnterpriseRepository(database.db), today: () => TODAY };
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('gives the agents that existed a stable authorisation id, and the legal representative none', async () => {
    const rows = await database.db.selectFrom('enterprise_agent').select(['person_id', 'authorisation_id']).orderBy('person_id').execute();
    expect(rows).toEqual([
      { person_id: 'P-1', authorisation_id: null },
      { person_id: 'P-2', authorisation_id: 'AUTH-E-1-P-2' },
    ]);
    expect(await mayStillAct(acting('P-2', 'AUTH-E-1-P-2'), services)).toBe(true);
    expect(await mayStillAct(acting('P-1'), services)).toBe(true);
    expect(await mayStillAct(acting('P-3'), services)).toBe(false);
    expect(await mayStillAct(acting('P-3', 'AUTH-E-1-P-2'), services)).toBe(false);
  });

  it('an offer matched to nobody cannot be accepted; one matched is accepted once, by its person only', async () => {
    const offer = (personId: string | null) =>
      authorisations.offer(
        { enterpriseId: 'E-1', offeredByAccountId: 'A-1', idType: 'RESIDENT_ID' as never, idNumberMasked: '****', name: 'x', personId, validFrom: TODAY, validTo: '2027-12-31' },
        NOW,
      );
    const unmatched = await offer(null);
    const matched = await offer('P-3');
    expect({ ...unmatched, id: '', name: '' }).toEqual({ ...matched, id: '', name: '' });
    expect(await authorisations.openOffersTo('P-3', NOW)).toEqual([matched]);
    expect(await authorisations.accept(unmatched.id, 'P-3', NOW, TODAY)).toBeNull();
    expect(await authorisations.accept(matched.id, 'P-2', NOW, TODAY)).toBeNull();
    expect(await authorisations.accept(matched.id, 'P-3', NOW, TODAY)).toMatchObject({ authorisation: { id: matched.id, status: 'ACCEPTED' }, replaced: null });
    expect(await authorisations.accept(matched.id, 'P-3', NOW, TODAY)).toBeNull();
    expect(await mayStillAct(acting('P-3', matched.id), services)).toBe(true);
    // Thirty days on, an offer nobody accepted lapses.
    const later = new Date(NOW.getTime() + 31 * 86_400_000);
    expect((await authorisations.offersOf('E-1', later)).map((o) => o.status)).toEqual(expect.arrayContaining(['LAPSED', 'ACCEPTED']));
  });

  it('re-authorising replaces the old authorisation and revoking ends the new one: both recorded as ended', async () => {
    const again = await authorisations.offer(
      {
        enterpriseId: 'E-1',
        offeredByAccountId: 'A-1',
        idType: 'RESIDENT_ID' as never,
        idNumberMasked: '****',
        name: 'x',
        personId: 'P-2',
        validFrom: TODAY,
        validTo: '2028-12-31',
      },
      NOW,
    );
    expect(await authorisations.accept(again.id, 'P-2', NOW, TODAY)).toMatchObject({ replaced: 'AUTH-E-1-P-2' });
    expect(await mayStillAct(acting('P-2', 'AUTH-E-1-P-2'), services)).toBe(false);
    expect(await mayStillAct(acting('P-2', again.id), services)).toBe(true);

    expect(await authorisations.revoke('E-1', 'P-2', '2026-03-01', NOW)).toEqual({ found: true, ended: again.id });
    expect(await mayStillAct(acting('P-2', again.id), services)).toBe(false);
    // Revoking again changes nothing and announces nothing; a stranger was never an agent.
    expect(await authorisations.revoke('E-1', 'P-2', '2026-03-01', NOW)).toEqual({ found: true, ended: null });
    expect(await authorisations.revoke('E-1', 'P-1', '2026-03-01', NOW)).toEqual({ found: false, ended: null });

    expect(await authorisations.endedSince('2026-03-01T00:00:00.000Z')).toEqual([
      { authorisationId: expect.any(String), endedAt: NOW.toISOString() },
      { authorisationId: expect.any(String), endedAt: NOW.toISOString() },
    ]);
    expect((await authorisations.endedSince('2026-03-01T00:00:00.000Z')).map((e) => e.authorisationId).sort()).toEqual(['AUTH-E-1-P-2', again.id].sort());
    expect((await authorisations.offersOf('E-1', NOW)).find((o) => o.id === again.id)?.status).toBe('ENDED');
  });
}

describe('agent authorisations on SQLite', () => {
  authorisationContract(async () => ({ database: openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:' }), cleanup: async () => undefined }));
});

describe.skipIf(!postgresUp)('agent authorisations on PostgreSQL', () => {
  authorisationContract(async () => {
    const scratch = await createScratchSchema(POSTGRES_URL);
    return { database: openDatabase<IdentityTables>({ name: 'identity', dataDir: ':memory:', url: scratch.url }), cleanup: scratch.drop };
  });
});
