// The form's values, each with where it came from and how far it can be trusted (A agency-produced … D declared).
import { SYSTEM_LABELS, TRUST_LABELS } from '../format.js';
import type { GuidedMatter, ReviewedCase } from './review-types.js';

export function CaseFieldsSection({ fields, matter }: { fields: ReviewedCase['fields']; matter: GuidedMatter | undefined }) {
  // The case holds keys only; the matter's guide names them.
  const labels = new Map(matter?.form.fields.map((field) => [field.key, field.label]));
  return (
    <section aria-labelledby="case-fields" className="officer-panel">
      <h2 id="case-fields">申请信息</h2>
      <table className="officer-table">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">内容</th>
            <th scope="col">来源</th>
            <th scope="col">可信等级</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.key}>
              <th scope="row">{labels.get(field.key) ?? field.key}</th>
              <td>{field.value ?? '—'}</td>
              <td>{SYSTEM_LABELS[field.provenance.system] ?? field.provenance.system}</td>
              <td>
                <span className={`trust trust-${field.provenance.trustLevel}`}>{TRUST_LABELS[field.provenance.trustLevel]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
