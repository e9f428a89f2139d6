import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';

export interface AccountRecord {
  id: string;
  username: string;
  passwordHash: string;
  personId: string;
  personName: string;
  roles: string[];
  department: string | null;
}

export class AccountRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  async byUsername(username: string): Promise<AccountRecord | null> {
    const row = await this.query().where('account.username', '=', username).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async byIds(ids: readonly string[]): Promise<AccountRecord[]> {
    return (
      await this.query()
        .where('account.id', 'in', [...ids])
        .execute()
    ).map(toAccount);
  }

  private query() {
    return this.db
      .selectFrom('account')
      .innerJoin('person', 'person.id', 'account.person_id')
      .select(['account.id', 'account.username', 'account.password_hash', 'account.person_id', 'account.roles', 'account.department_code', 'person.name']);
  }
}

function toAccount(row: { id: string; username: string; password_hash: string; person_id: string; roles: string; department_code: string | null; name: string }): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    personId: row.person_id,
    personName: row.name,
    roles: JSON.parse(row.roles) as string[],
    department: row.department_code,
  };
}
