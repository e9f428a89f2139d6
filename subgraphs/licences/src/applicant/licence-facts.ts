import { DEPARTMENTS, TrustLevel, type Fact } from '@govgraph/kit';
import type { LicenceRecord } from '../licence/licence.type.js';

const DEPARTMENT_NAMES = new Map<string, string>(Object.values(DEPARTMENTS).map((d) => [d.code, d.name]));

/**
 * Facts from the applicant's valid licences, at trust level A (issued by the department itself).
 * Paths are licence.{type}.{field}: `id` lets the case system offer the licence itself as a
 * material; the rest fill form fields whose source names them.
 */
export function licenceFacts(validLicences: LicenceRecord[], retrievedAt: string, titles: ReadonlyMap<string, string> = new Map()): Fact[] {
  const seenTypes = new Set<string>();
  const facts: Fact[] = [];
  for (const licence of validLicences) {
    // Newest first: one licence per type speaks for it.
    if (seenTypes.has(licence.typeCode)) continue;
    seenTypes.add(licence.typeCode);
    const provenance = {
      system: 'licences',
      department: DEPARTMENT_NAMES.get(licence.issuerCode) ?? null,
      trustLevel: TrustLevel.A,
      retrievedAt,
    };
    const values: Record<string, string | null> = {
      id: licence.id,
      title: titles.get(licence.typeCode) ?? null,
      number: licence.number,
      validFrom: licence.validFrom,
      validTo: licence.validTo,
      ...licence.data,
    };
    for (const [field, value] of Object.entries(values)) {
      if (value) facts.push({ path: `licence.${licence.typeCode}.${field}`, value, provenance });
    }
  }
  return facts;
}
