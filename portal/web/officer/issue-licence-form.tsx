// Issuing the licence an approved licensing case decided: type, holder name, validity and the type's own fields.
import { type IssueLicenceMutation, IssueLicenceDocument, LicenceTypesDocument, errorCode } from '@govgraph/portal/kit';
import { type FormEvent, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryNotice, useAuthGuard } from '../components/query-state.js';
import { actionMessage, fieldErrors } from './action-errors.js';
import { type LicenceTypeInfo, defaultValidTo, orderedTypes, preferredType } from './licence-type-choice.js';
import { type ReviewedCase, applicantName } from './review-types.js';

/** The graph's input problems are for developers (`input.validTo is before validFrom`); the officer reads these. */
const FIELD_HINTS: Record<string, string> = {
  typeCode: '请选择有效的证照类型',
  holderName: '持证人名称应为 1–200 个字符',
  validTo: '有效期至不能早于生效日期（今天）',
  data: '所填项目不属于该证照类型',
};

function hintFor(key: string, message: string): string {
  return FIELD_HINTS[key] ?? (key.startsWith('data.') ? '内容过长，最多 500 个字符' : message);
}

export type IssuedLicence = IssueLicenceMutation['issueLicence']['licence'];

interface IssueLicenceFormProps {
  application: ReviewedCase;
  /** Licence types the matter's materials accept, e.g. JDCJSZ for a driving licence renewal. */
  acceptedTypes: readonly string[];
  departmentCode: string | undefined;
  onIssued(licence: IssuedLicence): void;
  onRefused(message: string, refresh: boolean): void;
  onCancel(): void;
}

export function IssueLicenceForm(props: IssueLicenceFormProps) {
  const [types] = useQuery({ query: LicenceTypesDocument });
  if (!types.data) return <QueryNotice result={types} />;
  return <IssueLicenceFields {...props} types={types.data.licenceTypes} />;
}

function IssueLicenceFields({ application, acceptedTypes, departmentCode, onIssued, onRefused, onCancel, types }: IssueLicenceFormProps & { types: readonly LicenceTypeInfo[] }) {
  const ids = { type: useId(), holder: useId(), validTo: useId(), field: useId() };
  const [typeCode, setTypeCode] = useState(() => preferredType(types, acceptedTypes, departmentCode));
  const type = types.find((t) => t.code === typeCode);
  const [holderName, setHolderName] = useState(() => applicantName(application.applicant));
  const [validTo, setValidTo] = useState(() => defaultValidTo(type));
  // The type's fields start from the case's values with the same key, e.g. a food licence's businessScope.
  const caseValue = (key: string) => application.fields.find((f) => f.key === key)?.value ?? '';
  const [data, setData] = useState<Record<string, string>>(() => Object.fromEntries((type?.fields ?? []).map((f) => [f.key, caseValue(f.key)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, issue] = useMutation(IssueLicenceDocument);
  useAuthGuard(result.error);

  function chooseType(code: string) {
    const next = types.find((t) => t.code === code);
    setTypeCode(code);
    setValidTo(defaultValidTo(next));
    setData(Object.fromEntries((next?.fields ?? []).map((f) => [f.key, caseValue(f.key)])));
    setErrors({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The applicant as the review named them: a case grant, which the licence library opens itself.
    const holderId = application.applicant.id;
    const missing: Record<string, string> = {};
    if (!type) missing.typeCode = '请选择证照类型';
    if (!holderName.trim()) missing.holderName = '请填写持证人名称';
    if (Object.keys(missing).length > 0 || !type) return setErrors(missing);
    const filled = type.fields.filter((f) => data[f.key]?.trim()).map((f) => ({ key: f.key, value: data[f.key]!.trim() }));
    const outcome = await issue({
      input: { typeCode: type.code, holderId, holderName: holderName.trim(), validTo: validTo || null, data: filled, caseId: application.id },
    });
    if (outcome.data) return onIssued(outcome.data.issueLicence.licence);
    const problems = Object.fromEntries(Object.entries(fieldErrors(outcome.error)).map(([key, message]) => [key, hintFor(key, message)]));
    setErrors(problems);
    // The case itself does not fit (not approved, not licensing, another holder): nothing at a field to fix.
    // A grant is good for ten minutes: the refresh brings a new one.
    if (problems.holderId) return onRefused('办件信息已过期，已为您刷新，请再次签发。', true);
    if (problems.caseId) return onRefused('该办件当前不能签发此证照：须为本部门已批准的许可类办件，且持证人为申请人。', true);
    if (Object.keys(problems).some((key) => key in FIELD_HINTS || key.startsWith('data.'))) return;
    onRefused(actionMessage(outcome.error) ?? '签发失败', errorCode(outcome.error) === 'CONFLICT');
  }

  const fieldError = (key: string, id: string) =>
    errors[key] && (
      <p id={`${id}-error`} role="alert" className="field-error">
        {errors[key]}
      </p>
    );
  const described = (key: string, id: string) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  return (
    <form className="officer-panel officer-issue" onSubmit={(event) => void submit(event)} aria-labelledby="issue-licence">
      <h2 id="issue-licence">签发电子证照</h2>
      <div className="form-row">
        <label htmlFor={ids.type}>证照类型</label>
        <select id={ids.type} value={typeCode} onChange={(event) => chooseType(event.target.value)} {...described('typeCode', ids.type)}>
          <option value="">请选择</option>
          {orderedTypes(types, departmentCode).map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}（{t.issuer.name}）
            </option>
          ))}
        </select>
        {fieldError('typeCode', ids.type)}
      </div>
      <div className="form-row">
        <label htmlFor={ids.holder}>持证人名称</label>
        <input id={ids.holder} value={holderName} maxLength={200} onChange={(event) => setHolderName(event.target.value)} {...described('holderName', ids.holder)} />
        {fieldError('holderName', ids.holder)}
      </div>
      <div className="form-row">
        <label htmlFor={ids.validTo}>有效期至</label>
        <input id={ids.validTo} type="date" value={validTo} onChange={(event) => setValidTo(event.target.value)} {...described('validTo', ids.validTo)} />
        {fieldError('validTo', ids.validTo)}
      </div>
      {type?.fields.map((f) => {
        const id = `${ids.field}-${f.key}`;
        return (
          <div className="form-row" key={f.key}>
            <label htmlFor={id}>{f.label}</label>
            <input id={id} value={data[f.key] ?? ''} maxLength={500} onChange={(event) => setData({ ...data, [f.key]: event.target.value })} {...described(`data.${f.key}`, id)} />
            {fieldError(`data.${f.key}`, id)}
          </div>
        );
      })}
      {errors.data && (
        <p role="alert" className="field-error">
          {errors.data}
        </p>
      )}
      <div className="officer-actions">
        <button type="submit" disabled={result.fetching}>
          签发
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
