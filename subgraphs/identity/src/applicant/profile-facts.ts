import { DEPARTMENTS, TrustLevel, districtName, type Fact } from '@govgraph/kit';
import type { EnterpriseRecord } from '../enterprise/enterprise.type.js';
import type { PersonRecord } from '../person/person.type.js';

const ID_TYPE_NAMES: Record<string, string> = {
  RESIDENT_ID: '居民身份证',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证',
  TAIWAN_PERMIT: '台湾居民来往大陆通行证',
  PASSPORT: '护照',
};

export function fullAddress(divisionCode: string, detail: string): string {
  return `${districtName(divisionCode) ?? ''}${detail}`;
}

/**
 * Identity's facts are produced by the agency that verified them: trust level A (docs/domain.md, "Material trust levels").
 * Paths are what catalog form fields name as their `source`.
 */
function facts(values: Record<string, string | null>, retrievedAt: string): Fact[] {
  const provenance = {
    system: 'identity',
    department: DEPARTMENTS.dataAdministration.name,
    trustLevel: TrustLevel.A,
    retrievedAt,
  };
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
    .map(([path, value]) => ({ path, value, provenance }));
}

/**
 * A person's facts. `asApplicant`: the person applies themself, so they are also the form's
 * `applicant.*` (a person acting for an enterprise is not: the enterprise is the applicant).
 */
export function personFacts(person: PersonRecord, retrievedAt: string, options: { asApplicant: boolean } = { asApplicant: true }): Fact[] {
  const address = fullAddress(person.divisionCode, person.addressDetail);
  return facts(
    {
      ...(options.asApplicant ? { 'applicant.name': person.name, 'applicant.idNumber': person.idNumber, 'applicant.address': address } : {}),
      'person.name': person.name,
      'person.idType': ID_TYPE_NAMES[person.idType] ?? person.idType,
      'person.idNumber': person.idNumber,
      'person.gender': person.gender === 'MALE' ? '男' : '女',
      'person.birthDate': person.birthDate,
      'person.mobile': person.mobile,
      'person.email': person.email,
      'person.address': address,
      'person.address.divisionCode': person.divisionCode,
    },
    retrievedAt,
  );
}

export function enterpriseFacts(enterprise: EnterpriseRecord, legalRepresentative: string | null, retrievedAt: string): Fact[] {
  const address = fullAddress(enterprise.divisionCode, enterprise.addressDetail);
  return facts(
    {
      'applicant.name': enterprise.name,
      'applicant.idNumber': enterprise.creditCode,
      'applicant.address': address,
      'enterprise.name': enterprise.name,
      'enterprise.creditCode': enterprise.creditCode,
      'enterprise.entityType': enterprise.entityType,
      'enterprise.legalRepresentative': legalRepresentative,
      'enterprise.address': address,
      'enterprise.address.divisionCode': enterprise.divisionCode,
      'enterprise.establishedOn': enterprise.establishedOn,
    },
    retrievedAt,
  );
}
