import { districtName, demoPopulation, pick, type GeneratedEnterprise, type GeneratedPerson } from '@govgraph/kit';
import type { SeedMatter } from './seed-matters.js';

/** Who a seeded case belongs to, who submitted it, and what identity knows about them. */
export interface SeedApplicant {
  applicantId: string;
  /** The applicant's own person id, or the enterprise's legal representative's. */
  submittedBy: string;
  /** identity's facts by path (`person.name`, `enterprise.creditCode`, …), as forms name their sources. */
  facts: Readonly<Record<string, string | null>>;
}

function fullAddress(divisionCode: string, detail: string): string {
  return `${districtName(divisionCode) ?? ''}${detail}`;
}

export function personFacts(
  p: Pick<GeneratedPerson, 'name' | 'idNumber' | 'mobile' | 'email' | 'gender' | 'birthDate' | 'divisionCode' | 'addressDetail'>,
): Record<string, string | null> {
  return {
    'person.name': p.name,
    'person.idNumber': p.idNumber,
    'person.mobile': p.mobile,
    'person.email': p.email,
    'person.gender': p.gender === 'MALE' ? '男' : '女',
    'person.birthDate': p.birthDate,
    'person.address': fullAddress(p.divisionCode, p.addressDetail),
  };
}

export function enterpriseFacts(
  e: Pick<GeneratedEnterprise, 'name' | 'creditCode' | 'divisionCode' | 'addressDetail'>,
  legalRepresentative: { name: string },
): Record<string, string | null> {
  return {
    'enterprise.name': e.name,
    'enterprise.creditCode': e.creditCode,
    'enterprise.legalRepresentative': legalRepresentative.name,
    'enterprise.address': fullAddress(e.divisionCode, e.addressDetail),
  };
}

/** The fixed demo accounts never get random cases: tests rely on what they have. */
export const RESERVED_APPLICANTS: ReadonlySet<string> = new Set(['P-000001', 'P-000002', 'P-000003', 'P-000004', 'P-000005', 'P-000007', 'E-000001']);

/**
 * Applicants drawn from the demo population (`demoPopulation()`, the city identity seeds): a
 * person for a matter serving persons, an enterprise (submitted by its legal representative) for
 * one serving enterprises; matters serving both go to persons seven times in ten.
 */
export class ApplicantPicker {
  private readonly persons: readonly GeneratedPerson[];
  private readonly enterprises: readonly GeneratedEnterprise[];
  private readonly personById: ReadonlyMap<string, GeneratedPerson>;

  constructor(private readonly random: () => number) {
    const population = demoPopulation();
    this.persons = population.persons.filter((p) => !RESERVED_APPLICANTS.has(p.id));
    this.enterprises = population.enterprises.filter((e) => !RESERVED_APPLICANTS.has(e.id));
    this.personById = new Map(population.persons.map((p) => [p.id, p]));
  }

  /** Only ids: the year's 20,000 cases need no facts. */
  pickIds(matter: SeedMatter): { applicantId: string; submittedBy: string; person: GeneratedPerson | null; enterprise: GeneratedEnterprise | null } {
    const asPerson = matter.servesPersons && (!matter.servesEnterprises || this.random() < 0.7);
    if (asPerson) {
      const person = pick(this.random, this.persons);
      return { applicantId: person.id, submittedBy: person.id, person, enterprise: null };
    }
    const enterprise = pick(this.random, this.enterprises);
    return { applicantId: enterprise.id, submittedBy: enterprise.legalRepresentativeId, person: null, enterprise };
  }

  /** With identity's facts, for cases whose form values are written. */
  pick(matter: SeedMatter): SeedApplicant {
    const { applicantId, submittedBy, person, enterprise } = this.pickIds(matter);
    if (person) return { applicantId, submittedBy, facts: personFacts(person) };
    const representative = this.personById.get(enterprise!.legalRepresentativeId)!;
    return { applicantId, submittedBy, facts: { ...personFacts(representative), ...enterpriseFacts(enterprise!, representative) } };
  }
}
