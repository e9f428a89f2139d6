import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';
import { ApplicantKind } from '../applicant/applicant.enums.js';
import { toPerson } from '../person/person.repository.js';
import type { EnterpriseAgentRecord } from './enterprise-agent.type.js';
import type { AgentRole } from './enterprise.enums.js';
import type { EnterpriseRecord } from './enterprise.type.js';

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

/** One row of the register of who may act for an enterprise, and under which authorisation. */
export interface AgentLinkPeriod {
  role: AgentRole;
  validFrom: string;
  validTo: string | null;
  /** Null for the legal representative: that right comes from the register, not an authorisation. */
  authorisationId: string | null;
}

/** In force on that day (validity is counted in the city's days, both ends included). */
export function currentOn(link: { validFrom: string; validTo: string | null }, today: string): boolean {
  return link.validFrom <= today && (link.validTo === null || link.validTo >= today);
}

export interface AgentLink {
  personId: string;
  role: AgentRole;
  enterprise: EnterpriseRecord;
}

export class EnterpriseRepository {
  constructor(private readonly db: Kysely<IdentityTables>) {}

  async byIds(ids: readonly string[]): Promise<EnterpriseRecord[]> {
    const rows = await this.db
      .selectFrom('enterprise')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toEnterprise);
  }

  async byCreditCode(creditCode: string): Promise<EnterpriseRecord | null> {
    const row = await this.db.selectFrom('enterprise').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
    return row ? toEnterprise(row) : null;
  }

  /** Every authorisation of the person for the enterprise, current or not, newest first. */
  async linksBetween(personId: string, enterpriseId: string): Promise<AgentLinkPeriod[]> {
    const rows = await this.db
      .selectFrom('enterprise_agent')
      .select(['role', 'valid_from', 'valid_to', 'authorisation_id'])
      .where('person_id', '=', personId)
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('valid_from', 'desc')
      .execute();
    return rows.map((r) => ({ role: r.role as AgentRole, validFrom: r.valid_from, validTo: r.valid_to, authorisationId: r.authorisation_id }));
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
