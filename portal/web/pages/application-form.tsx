// The application form: prefilled values with their provenance, materials chosen or uploaded, one submission with an idempotency key.
import { errorCode, errorMessage, inputProblems, type MatterFormQuery, type StartFormQuery, SubmitApplicationDocument, type UploadedDocumentFields } from '@govgraph/portal/kit';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { fieldId, FormField } from '../components/form-field.js';
import { type Evidence, MaterialChoice, type MaterialSelection, materialId } from '../components/material-choice.js';
import { type ShownProblem, ProblemSummary } from '../components/problem-summary.js';
import { ProvenanceBadge } from '../components/provenance-badge.js';
import { useAuthGuard } from '../components/query-state.js';
import { checkFields, checkMaterials } from '../form-checks.js';
import { navigate } from '../router.js';

type Prefill = NonNullable<StartFormQuery['prefill']>;
type MatterForm = NonNullable<MatterFormQuery['matter']>;

const ID_PREFIX = 'apply';

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function ApplicationForm({ prefill, form }: { prefill: Prefill; form: MatterForm }) {
  // Only what the applicant typed; a field without an entry shows the offered value.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [selections, setSelections] = useState<Record<string, MaterialSelection>>({});
  const [uploads, setUploads] = useState<Record<string, UploadedDocumentFields[]>>({});
  const [clientProblems, setClientProblems] = useState<{ path: string; message: string }[]>([]);
  const [result, submit] = useMutation(SubmitApplicationDocument);
  useAuthGuard(result.error);
  // The same payload sent again (a retry after a timeout) keeps its key, so the graph answers with the one case.
  const attempt = useRef<{ payload: string; key: string } | undefined>(undefined);

  const offered = new Map(prefill.fields.map((field) => [field.key, field]));
  const shownValue = (key: string) => edits[key] ?? offered.get(key)?.value ?? '';
  const values = Object.fromEntries(form.form.fields.map((field) => [field.key, shownValue(field.key)]));

  // The application form itself is generated at submission from the fields (免填单): nobody uploads or picks it.
  const generated = new Set(prefill.materials.filter((material) => material.satisfiedBy.some((e) => e.__typename === 'GeneratedForm')).map((m) => m.requirementCode));
  const chosenMaterials = form.materials.filter((material) => !generated.has(material.code));

  function choicesOf(code: string): Evidence[] {
    const satisfiedBy = prefill.materials.find((material) => material.requirementCode === code)?.satisfiedBy ?? [];
    const choices: Evidence[] = satisfiedBy.flatMap((evidence): Evidence[] =>
      evidence.__typename === 'Licence'
        ? [{ kind: 'licence', id: evidence.id, label: `电子证照：${evidence.title}（${evidence.number}）` }]
        : evidence.__typename === 'Document'
          ? [{ kind: 'document', id: evidence.id, label: `已有材料：${evidence.filename}` }]
          : [],
    );
    for (const document of uploads[code] ?? []) {
      if (!choices.some((choice) => choice.kind === 'document' && choice.id === document.id))
        choices.push({ kind: 'document', id: document.id, label: `新上传：${document.filename}` });
    }
    return choices;
  }
  // What is used unless the applicant picks otherwise: the first offered licence or document (免证办).
  function selectionOf(code: string): MaterialSelection | undefined {
    const chosen = selections[code];
    if (chosen) return chosen;
    const first = choicesOf(code)[0];
    return first ? { kind: first.kind, id: first.id } : undefined;
  }

  const serverProblems = inputProblems(result.error);
  const problems = clientProblems.length ? clientProblems : serverProblems;
  const problemAt = (path: string) => problems.find((problem) => problem.path === path)?.message;
  const shown: ShownProblem[] = problems.map((problem) => {
    const [kind, key = ''] = problem.path.split('.');
    if (kind === 'materials') return { targetId: materialId(key), label: form.materials.find((material) => material.code === key)?.name ?? key, message: problem.message };
    return { targetId: fieldId(ID_PREFIX, key), label: form.form.fields.find((field) => field.key === key)?.label ?? problem.path, message: problem.message };
  });

  /** Never rejects: urql answers a failed mutation with the error in its result, shown below. */
  async function send(event: FormEvent) {
    event.preventDefault();
    const materials = chosenMaterials.flatMap((material) => {
      const selection = selectionOf(material.code);
      if (!selection || selection === 'none') return [];
      return [selection.kind === 'licence' ? { requirementCode: material.code, licenceId: selection.id } : { requirementCode: material.code, documentId: selection.id }];
    });
    const found = [...checkFields(form.form.fields, values), ...checkMaterials(chosenMaterials, new Set(materials.map((material) => material.requirementCode)))];
    setClientProblems(found);
    if (found.length) return;
    const fields = form.form.fields.map((field) => ({ key: field.key, value: values[field.key]?.trim() || null }));
    const payload = JSON.stringify({ fields, materials });
    if (attempt.current?.payload !== payload) attempt.current = { payload, key: newIdempotencyKey() };
    const answer = await submit({ input: { matterCode: form.code, idempotencyKey: attempt.current.key, fields, materials } });
    const application = answer.data?.submitApplication.application;
    if (application) navigate(`/cases/${application.id}`);
  }

  const otherError = result.error && errorCode(result.error) !== 'BAD_USER_INPUT' ? errorMessage(result.error) : undefined;
  return (
    <form onSubmit={(event) => void send(event)} noValidate className="application-form">
      <ProblemSummary problems={shown} />
      {otherError ? (
        <p role="alert" className="notice notice-error">
          {otherError}
        </p>
      ) : null}
      {result.error && errorCode(result.error) === 'BAD_USER_INPUT' && serverProblems.length === 0 ? (
        <p role="alert" className="notice notice-error">
          {errorMessage(result.error)}
        </p>
      ) : null}
      <section aria-labelledby="fields-heading" className="card">
        <h2 id="fields-heading">申请信息</h2>
        <p className="muted">带有来源标记的内容由部门数据自动填写；修改后将作为申请人声明提交。</p>
        {form.form.fields.map((field) => {
          const source = offered.get(field.key);
          const provenance = source?.value != null ? source.provenance : null;
          const changed = field.key in edits && edits[field.key] !== source?.value;
          return (
            <FormField
              key={field.key}
              idPrefix={ID_PREFIX}
              field={field}
              value={values[field.key] ?? ''}
              onChange={(value) => setEdits((current) => ({ ...current, [field.key]: value }))}
              problem={problemAt(`fields.${field.key}`)}
              badge={
                provenance ? (
                  <ProvenanceBadge
                    id={`${fieldId(ID_PREFIX, field.key)}-source`}
                    provenance={provenance}
                    changed={changed}
                    fieldLabel={field.label}
                    onReset={() =>
                      setEdits((current) => {
                        const { [field.key]: _dropped, ...rest } = current;
                        return rest;
                      })
                    }
                  />
                ) : undefined
              }
            />
          );
        })}
      </section>
      <section aria-labelledby="materials-heading" className="card">
        <h2 id="materials-heading">申请材料</h2>
        {form.materials.map((material) =>
          generated.has(material.code) ? (
            <p key={material.code} id={materialId(material.code)} className="material material-generated">
              {material.name}：系统将根据以上申请信息自动生成，无需上传。
            </p>
          ) : (
            <MaterialChoice
              key={material.code}
              material={material}
              choices={choicesOf(material.code)}
              selected={selectionOf(material.code)}
              onSelect={(selection) => setSelections((current) => ({ ...current, [material.code]: selection }))}
              onUploaded={(document) => {
                setUploads((current) => ({ ...current, [material.code]: [...(current[material.code] ?? []), document] }));
                setSelections((current) => ({ ...current, [material.code]: { kind: 'document', id: document.id } }));
              }}
              problem={problemAt(`materials.${material.code}`)}
            />
          ),
        )}
      </section>
      <p className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          提交申请
        </button>
        <span role="status" className="muted">
          {result.fetching ? '正在提交…' : ''}
        </span>
      </p>
    </form>
  );
}
