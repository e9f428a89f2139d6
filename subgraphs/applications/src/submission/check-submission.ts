import { TrustLevel } from '@govgraph/kit';
import { kindOf, licenceTypesOf, type FormSnapshot } from '../prefill/form-snapshot.js';
import { MaterialKind } from '../prefill/material-kind.js';
import { fieldValueProblem } from './check-field-value.js';
import type { Problem } from './problem.js';
import type { FieldValueInput, MaterialEvidenceInput } from './submission.inputs.js';

export const MAX_FIELDS = 200;
export const MAX_MATERIALS = 100;

export interface StoredProvenance {
  system: string;
  department: string | null;
  trustLevel: TrustLevel;
  retrievedAt: string;
}

export interface CheckedField {
  key: string;
  source: string | null;
  value: string;
  provenance: StoredProvenance;
}

export interface CheckedMaterial {
  requirementCode: string;
  kind: 'Licence' | 'Document';
  id: string;
}

/** What the case system knows, at submission time, beyond the snapshot. */
export interface SubmissionFacts {
  /** Documents among the referenced ones that belong to the applicant. */
  ownDocumentIds: ReadonlySet<string>;
  /** Latest status the licence library reported for referenced licences. */
  licenceStatuses: ReadonlyMap<string, string>;
  /** City date, YYYY-MM-DD. */
  today: string;
  now: string;
  /** Values already on the case (a correction): unchanged ones keep their provenance. */
  previous?: ReadonlyMap<string, { value: string | null; provenance: StoredProvenance }>;
}

export interface CheckedSubmission {
  problems: Problem[];
  fields: CheckedField[];
  materials: CheckedMaterial[];
}

/** A value the graph offered is kept with its source's provenance; anything else is declared (D). */
function provenanceOf(snapshot: FormSnapshot, key: string, value: string, facts: SubmissionFacts): StoredProvenance {
  const previous = facts.previous?.get(key);
  if (previous && previous.value === value) return previous.provenance;
  const offered = snapshot.prefilled.find((p) => p.key === key);
  if (offered?.provenance && offered.value === value) return offered.provenance;
  return { system: 'applications', department: null, trustLevel: TrustLevel.D, retrievedAt: facts.now };
}

function checkFields(snapshot: FormSnapshot, inputs: readonly FieldValueInput[], facts: SubmissionFacts, problems: Problem[]): CheckedField[] {
  const given = new Map<string, string>();
  for (const input of inputs) {
    const path = `fields.${String(input.key).slice(0, 64)}`;
    if (given.has(input.key)) problems.push({ path, message: 'is given twice' });
    else if (!snapshot.fields.some((f) => f.key === input.key)) problems.push({ path, message: 'is not a field of this form' });
    const value = (input.value ?? '').trim();
    if (value) given.set(input.key, value);
  }
  const checked: CheckedField[] = [];
  for (const field of snapshot.fields) {
    const value = given.get(field.key);
    const path = `fields.${field.key}`;
    if (!value) {
      if (field.required) problems.push({ path, message: `${field.label} is required` });
      continue;
    }
    const problem = fieldValueProblem(field, value);
    if (problem) problems.push({ path, message: `${field.label} ${problem}` });
    else checked.push({ key: field.key, source: field.source, value, provenance: provenanceOf(snapshot, field.key, value, facts) });
  }
  return checked;
}

function checkLicence(snapshot: FormSnapshot, accepted: readonly string[], id: string, facts: SubmissionFacts): string | null {
  if (accepted.length === 0) return 'does not accept a licence; give a document';
  const offered = snapshot.licences.find((l) => l.id === id);
  if (!offered) return `licence ${id.slice(0, 80)} is not a valid licence of yours`;
  if (!accepted.includes(offered.typeCode)) return `licence ${id.slice(0, 80)} is not of an accepted type (${accepted.join(', ')})`;
  const status = facts.licenceStatuses.get(id);
  if (status && status !== 'VALID') return `licence ${id.slice(0, 80)} is no longer valid (${status})`;
  if (offered.validTo && offered.validTo < facts.today) return `licence ${id.slice(0, 80)} has expired`;
  return null;
}

function checkMaterials(snapshot: FormSnapshot, inputs: readonly MaterialEvidenceInput[], facts: SubmissionFacts, problems: Problem[]): CheckedMaterial[] {
  const checked: CheckedMaterial[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const code = String(input.requirementCode).slice(0, 64);
    const path = `materials.${code}`;
    const requirement = snapshot.materials.find((m) => m.code === input.requirementCode);
    if (!requirement) {
      problems.push({ path, message: 'is not a material of this matter' });
      continue;
    }
    if (kindOf(requirement) === MaterialKind.GENERATED_FORM) {
      problems.push({ path, message: 'is the application form, which the system generates from the fields: send nothing for it' });
      continue;
    }
    if (!!input.licenceId === !!input.documentId) {
      problems.push({ path, message: 'give exactly one of licenceId and documentId' });
      continue;
    }
    const kind = input.licenceId ? 'Licence' : 'Document';
    const id = (input.licenceId ?? input.documentId)!;
    if (seen.has(`${code}|${kind}|${id}`)) continue;
    seen.add(`${code}|${kind}|${id}`);
    const problem =
      kind === 'Licence'
        ? checkLicence(snapshot, licenceTypesOf(requirement), id, facts)
        : facts.ownDocumentIds.has(id)
          ? null
          : `document ${id.slice(0, 80)} is not one of your documents`;
    if (problem) problems.push({ path, message: problem });
    else checked.push({ requirementCode: requirement.code, kind, id });
  }
  for (const requirement of snapshot.materials) {
    // The generated form is attached by the system at submission, never given.
    if (kindOf(requirement) === MaterialKind.GENERATED_FORM) continue;
    if (requirement.required && !inputs.some((m) => m.requirementCode === requirement.code)) {
      problems.push({ path: `materials.${requirement.code}`, message: 'is required' });
    }
  }
  return checked;
}

/**
 * Checks a submission against the form the applicant opened: every field (required, type,
 * rules) and every material (a valid licence of theirs of the accepted type, or a document of
 * theirs). Reports every problem at once.
 */
export function checkSubmission(
  snapshot: FormSnapshot,
  draft: { fields: readonly FieldValueInput[]; materials: readonly MaterialEvidenceInput[] },
  facts: SubmissionFacts,
): CheckedSubmission {
  const problems: Problem[] = [];
  if (draft.fields.length > MAX_FIELDS) problems.push({ path: 'fields', message: `at most ${MAX_FIELDS} fields` });
  if (draft.materials.length > MAX_MATERIALS) problems.push({ path: 'materials', message: `at most ${MAX_MATERIALS} materials` });
  if (problems.length > 0) return { problems, fields: [], materials: [] };
  const fields = checkFields(snapshot, draft.fields, facts, problems);
  const materials = checkMaterials(snapshot, draft.materials, facts, problems);
  return { problems, fields, materials };
}
