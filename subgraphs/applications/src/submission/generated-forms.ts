import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { CITY_DEPARTMENTS, type PartyKeys } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { newDocumentId } from '../document/document-id.js';
import type { DocumentStore } from '../document/document-store.js';
import { produceGeneratedForm } from '../generated-form/index.js';
import { kindOf, type FormSnapshot } from '../prefill/form-snapshot.js';
import { MaterialKind } from '../prefill/material-kind.js';
import type { CheckedMaterial } from './check-submission.js';

/** What generating a case's application form needs: applications' keys to sign it, the document store to keep it. */
export interface GeneratedFormDeps {
  keys: PartyKeys;
  store: DocumentStore;
}

/** The case the form is generated for. */
export interface CaseForForm {
  id: string;
  number: string;
  applicantId: string;
  submittedAt: string;
}

const MAX_FORM_BYTES = 32 * 1024 * 1024;
const departmentName = (code: string) => CITY_DEPARTMENTS.find((d) => d.code === code)?.name ?? code;

/**
 * The application form of every GENERATED_FORM material (免填单), made from the case's fields and
 * materials inside the case's own transaction: rendered to PDF, signed by applications, stored by
 * its content and listed as the applicant's document, so the officer reviews and downloads it like
 * any material. Nobody uploads a form the graph just filled. A blob stored before a rollback is an
 * unreferenced copy of content, harmless; the same fields give the same bytes (and document).
 */
export async function generateFormMaterials(
  trx: Kysely<ApplicationTables>,
  deps: GeneratedFormDeps,
  c: CaseForForm,
  snapshot: FormSnapshot,
  fields: ReadonlyArray<{ key: string; value: string }>,
  given: readonly CheckedMaterial[],
): Promise<CheckedMaterial[]> {
  const requirements = snapshot.materials.filter((m) => kindOf(m) === MaterialKind.GENERATED_FORM);
  if (requirements.length === 0) return [];
  const values = new Map(fields.map((f) => [f.key, f.value]));
  const byKey = (source: string) => snapshot.fields.find((f) => f.source === source)?.key;
  const applicantKey = byKey('enterprise.name') ?? byKey('person.name');
  const documentIds = given.filter((m) => m.kind === 'Document').map((m) => m.id);
  const filenames = new Map(
    documentIds.length === 0 ? [] : (await trx.selectFrom('document').select(['id', 'filename']).where('id', 'in', documentIds).execute()).map((d) => [d.id, d.filename]),
  );
  const materials = given.map((m) => {
    const requirement = snapshot.materials.find((r) => r.code === m.requirementCode);
    const licence = m.kind === 'Licence' ? snapshot.licences.find((l) => l.id === m.id) : undefined;
    const evidence = licence ? `${licence.title}（${licence.number}）` : (filenames.get(m.id) ?? m.id);
    return { name: requirement?.name ?? m.requirementCode, evidence };
  });

  const attached: CheckedMaterial[] = [];
  for (const requirement of requirements) {
    const { pdf, signed } = await produceGeneratedForm(deps.keys, {
      caseId: c.id,
      matter: { code: snapshot.matter.code, name: snapshot.matter.name, departmentName: departmentName(snapshot.matter.departmentCode) },
      caseNumber: c.number,
      submittedAt: c.submittedAt,
      applicantName: (applicantKey && values.get(applicantKey)) || c.applicantId,
      fields: snapshot.fields.map((f) => ({ label: f.label, value: values.get(f.key) ?? null })),
      materials,
    });
    const blob = await deps.store.put(Readable.from([pdf]), { maxBytes: MAX_FORM_BYTES });
    const existing = await trx.selectFrom('document').select('id').where('owner_id', '=', c.applicantId).where('sha256', '=', blob.sha256).executeTakeFirst();
    const documentId = existing?.id ?? newDocumentId();
    if (!existing) {
      await trx
        .insertInto('document')
        .values({
          id: documentId,
          owner_id: c.applicantId,
          filename: `${requirement.name ?? `${snapshot.matter.name}申请表`}-${c.number}.pdf`,
          media_type: 'application/pdf',
          size: blob.size,
          sha256: blob.sha256,
          uploaded_at: c.submittedAt,
        })
        .execute();
    }
    await trx.deleteFrom('generated_form').where('application_id', '=', c.id).where('requirement_code', '=', requirement.code).execute();
    await trx
      .insertInto('generated_form')
      .values({
        application_id: c.id,
        requirement_code: requirement.code,
        document_id: documentId,
        sha256: signed.sha256,
        signature: signed.signature,
        key_id: signed.keyId,
        generated_at: c.submittedAt,
      })
      .execute();
    attached.push({ requirementCode: requirement.code, kind: 'Document', id: documentId });
  }
  return attached;
}
