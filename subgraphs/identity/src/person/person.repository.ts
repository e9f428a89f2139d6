import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';
import { ApplicantKind } from '../applicant/applicant.enums.js';
import type { Gender, IdType } from './person.enums.js';
import type { PersonRecord } from './person.type.js';

type PersonRow = IdentityTables['person'];

export function toPerson(row: PersonRow): PersonRecord {
  return {
    kind: ApplicantKind.PERSON,
    id: row.id,
    idType: row.id_type as IdType,
    idNumber: row.id_number,
    name: row.name,
    gender: row.gender as Gender,
    birthDate: row.birth_date,
    mobile: row.mobile,
    email: row.email,
    divisionCode: row.division_code,
    addressDetail: row.address_detail,
    updatedAt: row.updated_at,
  };
}

export class PersonRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  async byIdDocument(idType: string, idNumber: string): Promise<PersonRecord | null> {
    const row = await this.db.selectFrom('person').selectAll().where('id_type', '=', idType).where('id_number', '=', idNumber).executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  async byIds(ids: readonly string[]): Promise<PersonRecord[]> {
    const rows = await this.db
      .selectFrom('person')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toPerson);
  }
}
