import { TRUST_RANK, type TrustLevel } from '@govgraph/kit';

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
  title: string;
  number: string;
  validTo: string | null;
}
export interface MaterialOfferValue {
  requirementCode: string;
  satisfiedBy: OfferedLicence[];
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

/** Every form field, in form order: filled where a fact matches its source, empty otherwise. */
export function prefillFields(fields: readonly FieldInput[], facts: readonly FactInput[]): PrefilledValue[] {
  const best = bestByPath(facts);
  return fields.map((field) => {
    const fact = field.source ? best.get(field.source) : undefined;
    return { key: field.key, value: fact?.value ?? null, provenance: fact?.provenance ?? null };
  });
}

/**
 * Every material, with the valid licence (licence.{type}.* facts) that can replace it, carrying
 * what the form shows of it.
 */
export function offerMaterials(materials: readonly MaterialInput[], facts: readonly FactInput[]): MaterialOfferValue[] {
  const best = bestByPath(facts);
  return materials.map((material) => {
    const type = material.acceptsLicenceType?.code;
    const fact = (field: string) => (type ? best.get(`licence.${type}.${field}`)?.value : undefined);
    const id = fact('id');
    if (!id) return { requirementCode: material.code, satisfiedBy: [] };
    const licence: OfferedLicence = { __typename: 'Licence', id, title: fact('title') ?? type!, number: fact('number') ?? '', validTo: fact('validTo') ?? null };
    return { requirementCode: material.code, satisfiedBy: [licence] };
  });
}
