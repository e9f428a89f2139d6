import { TrustLevel } from '@govgraph/kit';
import type { EarlierField } from '../application/application.repository.js';
import type { Document } from '../document/document.type.js';
import { formKeyPath, type FactInput } from './match-prefill.js';

/**
 * What the applicant declared in earlier cases, as facts for the same key or the same source:
 * C where an officer approved that case (the original was checked), D otherwise.
 */
export function earlierFieldFacts(rows: readonly EarlierField[]): FactInput[] {
  return rows.flatMap((row) => {
    if (!row.value) return [];
    const approved = row.case_status === 'APPROVED' || row.case_status === 'COMPLETED';
    const provenance = { system: 'applications', department: null, trustLevel: approved ? TrustLevel.C : TrustLevel.D, retrievedAt: row.retrieved_at };
    const facts: FactInput[] = [{ path: formKeyPath(row.key), value: row.value, provenance }];
    if (row.source) facts.push({ path: row.source, value: row.value, provenance });
    return facts;
  });
}

/** Earlier documents per requirement, newest first, each once. */
export function earlierDocumentsByRequirement(
  rows: ReadonlyArray<{ requirement_code: string; evidence_id: string }>,
  documents: ReadonlyMap<string, Document>,
): Map<string, Document[]> {
  const result = new Map<string, Document[]>();
  for (const row of rows) {
    const document = documents.get(row.evidence_id);
    if (!document) continue;
    const list = result.get(row.requirement_code) ?? [];
    if (!list.some((d) => d.id === document.id)) list.push(document);
    result.set(row.requirement_code, list);
  }
  return result;
}
