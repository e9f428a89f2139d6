// 补正: the officer asked for changes; the applicant changes fields and re-uploads materials (CorrectApplication), and the clock runs again.
import { type ApplicationDetailQuery, CorrectApplicationDocument, errorCode, errorMessage, inputProblems, type MatterFormQuery } from '@govgraph/portal/kit';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { fieldId, FormField } from '../components/form-field.js';
import { type ShownProblem, ProblemSummary } from '../components/problem-summary.js';
import { useAuthGuard } from '../components/query-state.js';
import { UploadControl } from '../components/upload-control.js';

type Application = NonNullable<ApplicationDetailQuery['application']>;
type MatterForm = NonNullable<MatterFormQuery['matter']>;

const ID_PREFIX = 'correct';

interface CorrectionFormProps {
  application: Application;
  form: MatterForm;
  note: string | null | undefined;
  onCorrected(): void;
}

export function CorrectionForm({ application, form, note, onCorrected }: CorrectionFormProps) {
  const current = Object.fromEntries(application.fields.map((field) => [field.key, field.value ?? '']));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [replaced, setReplaced] = useState<Record<string, { id: string; filename: string }>>({});
  const [explanation, setExplanation] = useState('');
  const [result, correct] = useMutation(CorrectApplicationDocument);
  useAuthGuard(result.error);

  const problems = inputProblems(result.error);
  const problemAt = (path: string) => problems.find((problem) => problem.path === path)?.message;
  const shown: ShownProblem[] = problems.map((problem) => {
    const [kind, key = ''] = problem.path.split('.');
    return kind === 'materials'
      ? { targetId: `reupload-${key}`, label: form.materials.find((material) => material.code === key)?.name ?? key, message: problem.message }
      : { targetId: fieldId(ID_PREFIX, key), label: form.form.fields.find((field) => field.key === key)?.label ?? key, message: problem.message };
  });

  /** Never rejects: urql answers a failed mutation with the error in its result, shown below. */
  async function send(event: FormEvent) {
    event.preventDefault();
    // Only what changed is sent: unchanged fields keep their provenance.
    const fields = Object.entries(edits)
      .filter(([key, value]) => value !== current[key])
      .map(([key, value]) => ({ key, value: value.trim() || null }));
    const materials = Object.entries(replaced).map(([requirementCode, document]) => ({ requirementCode, documentId: document.id }));
    const answer = await correct({ input: { id: application.id, fields, materials, note: explanation.trim() || null } });
    if (answer.data?.correctApplication.application) onCorrected();
  }

  return (
    <form onSubmit={(event) => void send(event)} noValidate className="card correction" aria-labelledby="correction-heading">
      <h2 id="correction-heading">补正材料</h2>
      <p className="notice notice-warning">办理部门要求补正{note ? `：${note}` : '。'}</p>
      <ProblemSummary problems={shown} />
      {result.error && (errorCode(result.error) !== 'BAD_USER_INPUT' || problems.length === 0) ? (
        <p role="alert" className="notice notice-error">
          {errorMessage(result.error)}
        </p>
      ) : null}
      {form.form.fields.map((field) => (
        <FormField
          key={field.key}
          idPrefix={ID_PREFIX}
          field={field}
          value={edits[field.key] ?? current[field.key] ?? ''}
          onChange={(value) => setEdits((previous) => ({ ...previous, [field.key]: value }))}
          problem={problemAt(`fields.${field.key}`)}
        />
      ))}
      {form.materials.map((material) => (
        <div key={material.code} className="material" id={`reupload-${material.code}`} tabIndex={-1}>
          <UploadControl
            id={`reupload-input-${material.code}`}
            materialName={material.name}
            onUploaded={(document) => setReplaced((previous) => ({ ...previous, [material.code]: { id: document.id, filename: document.filename } }))}
          />
          {problemAt(`materials.${material.code}`) ? <p className="field-error">{problemAt(`materials.${material.code}`)}</p> : null}
        </div>
      ))}
      <div className="field">
        <label htmlFor="correction-note">补正说明（选填）</label>
        <textarea id="correction-note" value={explanation} maxLength={500} onChange={(event) => setExplanation(event.target.value)} />
      </div>
      <p className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          提交补正
        </button>
      </p>
    </form>
  );
}
