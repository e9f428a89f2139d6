import type { Kysely } from 'kysely';
import { DEMO_POPULATION_OPTIONS, insertInBatches, parseResidentId } from '@govgraph/kit';
import type { IdentityTables } from '../database.js';
import { hashPassword } from '../account/password.js';
import { AgentRole } from '../enterprise/enterprise.enums.js';
import { DEMO_AGENTS, DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_PERSONS } from './demo-people.js';
import { generatePopulation } from '@govgraph/kit';

const SEEDED_AT = '2026-01-01T00:00:00.000Z';

type PersonRow = IdentityTables['person'];
type EnterpriseRow = IdentityTables['enterprise'];

function demoPersonRows(): PersonRow[] {
  return DEMO_PERSONS.map((p) => {
    const parsed = parseResidentId(p.idNumber);
    if ('problem' in parsed) throw new Error(`demo person ${p.id} has an invalid ID number (${parsed.problem})`);
    return {
      id: p.id,
      id_type: 'RESIDENT_ID',
      id_number: p.idNumber,
      name: p.name,
      gender: parsed.gender,
      birth_date: parsed.birthDate,
      mobile: p.mobile,
      email: p.email,
      division_code: p.divisionCode,
      address_detail: p.addressDetail,
      updated_at: SEEDED_AT,
    };
  });
}

/** The demo accounts and a deterministic city of 10,000 persons and 2,000 enterprises, in bulk. */
export async function seedIdentity(db: Kysely<IdentityTables>): Promise<void> {
  const population = generatePopulation(DEMO_POPULATION_OPTIONS);
  const persons: PersonRow[] = [
    ...demoPersonRows(),
    ...population.persons.map((p) => ({
      id: p.id,
      id_type: 'RESIDENT_ID',
      id_number: p.idNumber,
      name: p.name,
      gender: p.gender,
      birth_date: p.birthDate,
      mobile: p.mobile,
      email: p.email,
      division_code: p.divisionCode,
      address_detail: p.addressDetail,
      updated_at: SEEDED_AT,
    })),
  ];
  await insertInBatches(db, 'person', persons);

  const enterprises: EnterpriseRow[] = [...DEMO_ENTERPRISES, ...population.enterprises].map((e) => ({
    id: e.id,
    credit_code: e.creditCode,
    name: e.name,
    entity_type: e.entityType,
    legal_representative_id: e.legalRepresentativeId,
    division_code: e.divisionCode,
    address_detail: e.addressDetail,
    established_on: e.establishedOn,
    status: '存续',
    updated_at: SEEDED_AT,
  }));
  await insertInBatches(db, 'enterprise', enterprises);
  const legalRepresentatives = new Set(enterprises.map((e) => `${e.id}:${e.legal_representative_id}`));

  await insertInBatches(db, 'enterprise_agent', [
    ...enterprises.map((e) => ({
      enterprise_id: e.id,
      person_id: e.legal_representative_id,
      role: AgentRole.LEGAL_REPRESENTATIVE,
      valid_from: e.established_on,
      valid_to: null,
      authorisation_id: null,
    })),
    ...[...DEMO_AGENTS, ...population.agents.filter((a) => !legalRepresentatives.has(`${a.enterpriseId}:${a.personId}`))].map((a) => ({
      enterprise_id: a.enterpriseId,
      person_id: a.personId,
      role: AgentRole.AUTHORISED_AGENT,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      // As migration 0003 names authorisations that existed before ids: stable, one per agent.
      authorisation_id: `AUTH-${a.enterpriseId}-${a.personId}`,
    })),
  ]);

  const accounts = await Promise.all(
    DEMO_PERSONS.map(async (p, i) => ({
      id: `A-${String(i + 1).padStart(6, '0')}`,
      username: p.username,
      password_hash: await hashPassword(DEMO_PASSWORD),
      person_id: p.id,
      roles: JSON.stringify(p.roles),
      department_code: p.department,
    })),
  );
  await insertInBatches(db, 'account', accounts);
}
