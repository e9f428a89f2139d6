import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';
import { ApplicantKind } from '../applicant/applicant.interface.js';
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
