import { TrustLevel } from '@govgraph/kit';
import type { EarlierDocumentMaterial, EarlierField } from '../application/application.repository.js';
import type { Document } from '../document/document.type.js';
import type { FormSnapshot } from './form-snapshot.js';
import { earlierApplicationSource } from './earlier-application-source.js';
import { formKeyPath, type EarlierDocument, type FactInput } from './match-prefill.js';

export { earlierApplicationSource };

/**
 * What the applicant declared in earlier cases, as facts for the same key or the same source:
 * C where an officer approved that case (the original was checked), D otherwise.
 */
export function earlierFieldFacts(rows: readonly EarlierField[]): FactInput[] {
  return rows.flatMap((row) => {
    if (!row.value) return [];
    const approved = row.case_status === 'APPROVED' || row.case_status === 'COMPLETED';
    const provenance = {
      system: 'applications',
      department: earlierApplicationSource(row.case_number),
      trustLevel: approved ? TrustLevel.C : TrustLevel.D,
      retrievedAt: row.submitted_at,
    };
    const facts: FactInput[] = [{ path: formKeyPath(row.key), value: row.value, provenance }];
    if (row.source) facts.push({ path: row.source, value: row.value, provenance });
    return facts;
  });
}

/** The document category each material of a case's form snapshot declared (none in older snapshots). */
export function documentCategoriesOf(snapshot: string | null): Map<string, string> {
  if (!snapshot) return new Map();
  try {
    const materials = (JSON.parse(snapshot) as Partial<FormSnapshot>).materials ?? [];
    return new Map(materials.flatMap((m) => (m.documentCategory ? [[m.code, m.documentCategory] as const] : [])));
  } catch {
    return new Map();
  }
}

/** The applicant's earlier documents that still exist, each with the requirement and category it was given for. */
export function earlierDocuments(
  rows: readonly Pick<EarlierDocumentMaterial, 'requirement_code' | 'evidence_id' | 'document_category' | 'case_number'>[],
  documents: ReadonlyMap<string, Document>,
): EarlierDocument[] {
  return rows.flatMap((row) => {
    const document = documents.get(row.evidence_id);
    return document ? [{ document, requirementCode: row.requirement_code, category: row.document_category, caseNumber: row.case_number }] : [];
  });
}
