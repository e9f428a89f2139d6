import { TRUST_RANK, type TrustLevel } from '@govgraph/kit';
import type { Document } from '../document/document.type.js';
import { earlierApplicationSource } from './earlier-application-source.js';
import { MaterialKind } from './material-kind.js';

export interface FactInput {
  path: string;
  value: string;
  provenance: { system: string; department: string | null; trustLevel: TrustLevel; retrievedAt: string };
}
export interface FieldInput {
  key: string;
  source: string | null;
}
/** A material requirement and the catalog's declaration of what satisfies it. */
export interface MaterialInput {
  code: string;
  name?: string;
  kind?: MaterialKind | null;
  /** The first accepted type; what older declarations (without acceptsLicenceTypes) give. */
  acceptsLicenceType: { code: string } | null;
  acceptsLicenceTypes?: ReadonlyArray<{ code: string }> | null;
  documentCategory?: string | null;
  validForDays?: number | null;
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
/** The application form the system generates at submission from the submitted fields (免填单). */
export interface OfferedGeneratedForm {
  __typename: 'GeneratedForm';
  name: string;
  format: string;
  generatedAt: string | null;
}
export interface MaterialOfferValue {
  requirementCode: string;
  satisfiedBy: Array<OfferedLicence | Document | OfferedGeneratedForm>;
}
/** A document the applicant gave in an earlier case, and the category of the requirement it was given for. */
export interface EarlierDocument {
  document: Document;
  requirementCode: string;
  /** The earlier case's number (the newest case that gave the document comes first). */
  caseNumber: string;
  /** Null when the earlier case did not record it (cases from before the catalog declared categories). */
  category: string | null;
}

export const GENERATED_FORM_FORMAT = 'application/pdf';
const DAY_MS = 86_400_000;

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

/** The licence types that satisfy a material, in the catalog's order, each once. */
export function acceptedLicenceTypes(material: Pick<MaterialInput, 'acceptsLicenceType' | 'acceptsLicenceTypes'>): string[] {
  const declared = material.acceptsLicenceTypes?.length ? material.acceptsLicenceTypes : material.acceptsLicenceType ? [material.acceptsLicenceType] : [];
  return [...new Set(declared.map((t) => t.code))];
}

/** The declared kind; a declaration without one (an older catalog) is a licence material if it accepts a licence. */
export function materialKind(material: Pick<MaterialInput, 'kind' | 'acceptsLicenceType' | 'acceptsLicenceTypes'>): MaterialKind {
  return material.kind ?? (acceptedLicenceTypes(material).length > 0 ? MaterialKind.LICENCE : MaterialKind.DOCUMENT);
}

/**
 * An earlier document serves a requirement of the same category; where either side declares none
 * (a case from before the catalog declared categories), of the same requirement code.
 */
function givenFor(material: MaterialInput, earlier: EarlierDocument): boolean {
  return material.documentCategory && earlier.category ? earlier.category === material.documentCategory : earlier.requirementCode === material.code;
}

/** Not stale: at most validForDays old at `now` (a document exactly validForDays old is still offered). */
export function isFresh(uploadedAt: string, validForDays: number | null | undefined, now: string): boolean {
  if (validForDays === null || validForDays === undefined) return true;
  return Date.parse(now) - Date.parse(uploadedAt) <= validForDays * DAY_MS;
}

function earlierDocumentsFor(material: MaterialInput, earlier: readonly EarlierDocument[], now: string): Document[] {
  const offered = new Map<string, Document>();
  // Newest case first: a document keeps the latest application it was given in.
  for (const e of earlier) {
    if (offered.has(e.document.id) || !givenFor(material, e) || !isFresh(e.document.uploadedAt, material.validForDays, now)) continue;
    offered.set(e.document.id, { ...e.document, givenIn: earlierApplicationSource(e.caseNumber) });
  }
  return [...offered.values()].sort((a, b) => (a.uploadedAt < b.uploadedAt ? 1 : a.uploadedAt > b.uploadedAt ? -1 : 0));
}

/**
 * Every material, with what satisfies it, by the catalog's declaration: for LICENCE, every valid
 * licence the applicant holds of an accepted type; for DOCUMENT, the documents the applicant gave
 * in earlier applications for a requirement of the same category, newest first, none older than
 * the requirement allows at `now`; for GENERATED_FORM, the form the system generates at
 * submission — nobody uploads it.
 */
export function offerMaterials(
  materials: readonly MaterialInput[],
  facts: readonly FactInput[],
  earlierDocuments: readonly EarlierDocument[] = [],
  now: string = new Date().toISOString(),
): MaterialOfferValue[] {
  const best = bestByPath(facts);
  return materials.map((material): MaterialOfferValue => {
    switch (materialKind(material)) {
      case MaterialKind.LICENCE:
        return { requirementCode: material.code, satisfiedBy: acceptedLicenceTypes(material).flatMap((type) => offeredLicence(best, type) ?? []) };
      case MaterialKind.GENERATED_FORM:
        return {
          requirementCode: material.code,
          satisfiedBy: [{ __typename: 'GeneratedForm', name: material.name ?? material.code, format: GENERATED_FORM_FORMAT, generatedAt: null }],
        };
      case MaterialKind.DOCUMENT:
        return { requirementCode: material.code, satisfiedBy: earlierDocumentsFor(material, earlierDocuments, now) };
    }
  });
}
