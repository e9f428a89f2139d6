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
export interface MaterialOfferValue {
  requirementCode: string;
  satisfiedBy: Array<{ __typename: 'Licence'; id: string }>;
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

/** Every material, with the valid licences (licence.{type}.id facts) that can replace it. */
export function offerMaterials(materials: readonly MaterialInput[], facts: readonly FactInput[]): MaterialOfferValue[] {
  const best = bestByPath(facts);
  return materials.map((material) => {
    const type = material.acceptsLicenceType?.code;
    const licenceId = type ? best.get(`licence.${type}.id`)?.value : undefined;
    return { requirementCode: material.code, satisfiedBy: licenceId ? [{ __typename: 'Licence', id: licenceId }] : [] };
  });
}
