import { TRUST_RANK, type TrustLevel } from '@govgraph/kit';
import type { Document } from '../document/document.type.js';

export interface FactInput {
  path: string;
  value: string;
  provenance: { system: string; department: string | null; trustLevel: TrustLevel; retrievedAt: string };
}
export interface FieldInput {
  key: string;
  source: string | null;
}
export interface MaterialInput {
  code: string;
  acceptsLicenceType: { code: string } | null;
}

export interface PrefilledValue {
  key: string;
  value: string | null;
  provenance: FactInput['provenance'] | null;
}
export interface OfferedLicence {
  __typename: 'Licence';
  id: string;
  typeCode: string;
  title: string;
  number: string;
  validTo: string | null;
}
export interface MaterialOfferValue {
  requirementCode: string;
  satisfiedBy: Array<OfferedLicence | Document>;
}

/** Values the applicant entered in earlier applications are facts too, addressed by form key. */
export function formKeyPath(key: string): string {
  return `form.${key}`;
}

/** The more trusted source wins; between equals, the more recently confirmed value. */
function better(a: FactInput, b: FactInput): FactInput {
  const rank = TRUST_RANK[a.provenance.trustLevel] - TRUST_RANK[b.provenance.trustLevel];
  if (rank !== 0) return rank > 0 ? a : b;
  return a.provenance.retrievedAt >= b.provenance.retrievedAt ? a : b;
}

function bestByPath(facts: readonly FactInput[]): Map<string, FactInput> {
  const best = new Map<string, FactInput>();
  for (const fact of facts) {
    const current = best.get(fact.path);
    best.set(fact.path, current ? better(current, fact) : fact);
  }
  return best;
}

/**
 * Every form field, in form order: filled from the best fact for its source or for its key
 * (an earlier application's value), empty when nothing matches.
 */
export function prefillFields(fields: readonly FieldInput[], facts: readonly FactInput[]): PrefilledValue[] {
  const best = bestByPath(facts);
  return fields.map((field) => {
    const candidates = [field.source ? best.get(field.source) : undefined, best.get(formKeyPath(field.key))].filter((f): f is FactInput => !!f);
    const fact = candidates.length > 0 ? candidates.reduce(better) : undefined;
    return { key: field.key, value: fact?.value ?? null, provenance: fact?.provenance ?? null };
  });
}

/** The licence that licence.{type}.* facts describe, if the applicant holds a valid one. */
export function offeredLicence(facts: ReadonlyMap<string, FactInput>, typeCode: string): OfferedLicence | null {
  const fact = (field: string) => facts.get(`licence.${typeCode}.${field}`)?.value;
  const id = fact('id');
  if (!id) return null;
  return { __typename: 'Licence', id, typeCode, title: fact('title') ?? typeCode, number: fact('number') ?? '', validTo: fact('validTo') ?? null };
}

/** Every valid licence the facts describe, one per type. */
export function offeredLicences(facts: readonly FactInput[]): OfferedLicence[] {
  const best = bestByPath(facts);
  const types = new Set([...best.keys()].flatMap((path) => (path.startsWith('licence.') && path.endsWith('.id') ? [path.split('.')[1]!] : [])));
  return [...types].flatMap((type) => offeredLicence(best, type) ?? []);
}

/**
 * Every material, with what satisfies it: the valid licence that can replace it, then the
 * documents the applicant gave for the same requirement in earlier applications, newest first.
 */
export function offerMaterials(
  materials: readonly MaterialInput[],
  facts: readonly FactInput[],
  earlierDocuments: ReadonlyMap<string, readonly Document[]> = new Map(),
): MaterialOfferValue[] {
  const best = bestByPath(facts);
  return materials.map((material) => {
    const type = material.acceptsLicenceType?.code;
    const licence = type ? offeredLicence(best, type) : null;
    return { requirementCode: material.code, satisfiedBy: [...(licence ? [licence] : []), ...(earlierDocuments.get(material.code) ?? [])] };
  });
}
