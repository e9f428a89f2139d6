import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';
import { ApplicantKind } from '../applicant/applicant.interface.js';
import { toPerson } from '../person/person.repository.js';
import type { EnterpriseAgentRecord } from './enterprise-agent.type.js';
import type { AgentRole, EnterpriseRecord } from './enterprise.type.js';

type EnterpriseRow = IdentityTables['enterprise'];

export function toEnterprise(row: EnterpriseRow): EnterpriseRecord {
  return {
    kind: ApplicantKind.ENTERPRISE,
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    entityType: row.entity_type,
    legalRepresentativeId: row.legal_representative_id,
    divisionCode: row.division_code,
    addressDetail: row.address_detail,
    establishedOn: row.established_on,
    status: row.status,
    updatedAt: row.updated_at,
  };
}

export interface AgentLink {
  personId: string;
  role: AgentRole;
  enterprise: EnterpriseRecord;
}

export class EnterpriseRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  async byIds(ids: readonly string[]): Promise<EnterpriseRecord[]> {
    const rows = await this.db.selectFrom('enterprise').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map(toEnterprise);
  }

  async byCreditCode(creditCode: string): Promise<EnterpriseRecord | null> {
    const row = await this.db.selectFrom('enterprise').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
    return row ? toEnterprise(row) : null;
  }

  /** Every authorisation of the person for the enterprise, current or not, newest first. */
  async linksBetween(personId: string, enterpriseId: string): Promise<Array<{ role: AgentRole; validFrom: string; validTo: string | null }>> {
    const rows = await this.db
      .selectFrom('enterprise_agent')
      .select(['role', 'valid_from', 'valid_to'])
      .where('person_id', '=', personId)
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('valid_from', 'desc')
      .execute();
    return rows.map((r) => ({ role: r.role as AgentRole, validFrom: r.valid_from, validTo: r.valid_to }));
  }

  async agentsOf(enterpriseId: string): Promise<EnterpriseAgentRecord[]> {
    const rows = await this.db
      .selectFrom('enterprise_agent')
      .innerJoin('person', 'person.id', 'enterprise_agent.person_id')
      .selectAll('person')
      .select(['enterprise_agent.role', 'enterprise_agent.valid_from', 'enterprise_agent.valid_to'])
      .where('enterprise_agent.enterprise_id', '=', enterpriseId)
      .orderBy('enterprise_agent.role')
      .orderBy('enterprise_agent.valid_from')
      .execute();
    return rows.map((row) => ({
      enterpriseId,
      // The enterprise sees whom it authorised by name: that is the point of the list.
      person: { ...toPerson(row), basis: { kind: 'publicRegister' } },
      role: row.role as AgentRole,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    }));
  }

  /** Authorises (or re-authorises) a person as agent: one row per person and role. */
  async upsertAgent(agent: { enterpriseId: string; personId: string; role: AgentRole; validFrom: string; validTo: string | null }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('enterprise_agent')
        .where('enterprise_id', '=', agent.enterpriseId)
        .where('person_id', '=', agent.personId)
        .where('role', '=', agent.role)
        .execute();
      await trx
        .insertInto('enterprise_agent')
        .values({ enterprise_id: agent.enterpriseId, person_id: agent.personId, role: agent.role, valid_from: agent.validFrom, valid_to: agent.validTo })
        .execute();
    });
  }

  /** Ends an authorisation as of the given day; returns false when there was none. */
  async endAgent(enterpriseId: string, personId: string, role: AgentRole, lastDay: string): Promise<boolean> {
    const result = await this.db
      .updateTable('enterprise_agent')
      .set({ valid_to: lastDay })
      .where('enterprise_id', '=', enterpriseId)
      .where('person_id', '=', personId)
      .where('role', '=', role)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The enterprises each person may act for today. */
  async linksOfPersons(personIds: readonly string[], today: string): Promise<AgentLink[]> {
    const rows = await this.db
      .selectFrom('enterprise_agent')
      .innerJoin('enterprise', 'enterprise.id', 'enterprise_agent.enterprise_id')
      .selectAll('enterprise')
      .select(['enterprise_agent.person_id', 'enterprise_agent.role'])
      .where('enterprise_agent.person_id', 'in', [...personIds])
      .where('enterprise_agent.valid_from', '<=', today)
      .where((eb) => eb.or([eb('enterprise_agent.valid_to', 'is', null), eb('enterprise_agent.valid_to', '>=', today)]))
      .orderBy('enterprise.name')
      .execute();
    return rows.map((row) => ({ personId: row.person_id, role: row.role as AgentRole, enterprise: toEnterprise(row) }));
  }
}
