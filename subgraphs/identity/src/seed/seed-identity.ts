import type { Kysely } from 'kysely';
import { insertInBatches, parseResidentId } from '@govgraph/kit';
import type { IdentityTables } from '../database.js';
import { hashPassword } from '../account/password.js';
import { AgentRole } from '../enterprise/enterprise.type.js';
import { DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_PERSONS } from './demo-people.js';

const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export async function seedIdentity(db: Kysely<IdentityTables>): Promise<void> {
  await insertInBatches(
    db,
    'person',
    DEMO_PERSONS.map((p) => {
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
    }),
  );
  await insertInBatches(
    db,
    'enterprise',
    DEMO_ENTERPRISES.map((e) => ({
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
    })),
  );
  await insertInBatches(
    db,
    'enterprise_agent',
    DEMO_ENTERPRISES.map((e) => ({
      enterprise_id: e.id,
      person_id: e.legalRepresentativeId,
      role: AgentRole.LEGAL_REPRESENTATIVE,
      valid_from: e.establishedOn,
      valid_to: null,
    })),
  );
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
