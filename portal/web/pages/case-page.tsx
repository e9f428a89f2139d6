// 办件详情: status, clock, fields, materials and history of one case; the correction form when asked, and 撤回申请 while undecided.
import { ApplicationDetailDocument, MatterFormDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { QueryNotice } from '../components/query-state.js';
import { formatDate, formatTime, statusLabel, SYSTEM_LABELS, TRUST_LABELS, WITHDRAWABLE } from '../format.js';
import { Link } from '../router.js';
import { CorrectionForm } from './correction-form.js';
import { WithdrawPanel } from './withdraw-panel.js';

export function CasePage({ id }: { id: string }) {
  const [result, reload] = useQuery({ query: ApplicationDetailDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const application = result.data?.application;
  const [rules] = useQuery({ query: MatterFormDocument, variables: { code: application?.matter.code ?? '' }, pause: !application });
  const form = rules.data?.matter;
  const labelOf = (key: string) => form?.form.fields.find((field) => field.key === key)?.label ?? key;
  const materialName = (code: string) => form?.materials.find((material) => material.code === code)?.name ?? code;
  const refresh = () => reload({ requestPolicy: 'network-only' });

  if (result.data && !application) {
    return (
      <>
        <h1>办件详情</h1>
        <p role="alert">未找到该办件。</p>
      </>
    );
  }
  const correctionNote = application?.history.filter((entry) => entry.status === 'CORRECTION_REQUESTED').at(-1)?.note;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">我的办件</Link> › 办件详情
      </p>
      <h1>{application ? `办件 ${application.number}` : '办件详情'}</h1>
      <QueryNotice result={result} />
      {application ? (
        <>
          <section aria-labelledby="summary-heading" className="card">
            <h2 id="summary-heading">{application.matter.name}</h2>
            <dl className="facts">
              <dt>办件编号</dt>
              <dd>{application.number}</dd>
              <dt>办理状态</dt>
              <dd>
                <span className={`status status-${application.status.toLowerCase()}`} data-status={application.status}>
                  {statusLabel(application.status)}
                </span>
              </dd>
              <dt>办理部门</dt>
              <dd>{application.matter.department.name}</dd>
              <dt>申请人</dt>
              <dd>{application.applicant.displayName}</dd>
              <dt>提交时间</dt>
              <dd>{formatTime(application.submittedAt)}</dd>
              <dt>办结期限</dt>
              <dd>{formatDate(application.deadline)}</dd>
              <dt>是否按时</dt>
              <dd>{application.onTime == null ? '尚未决定' : application.onTime ? '按时办结' : '超过期限'}</dd>
              {application.completedAt ? (
                <>
                  <dt>办结时间</dt>
                  <dd>{formatTime(application.completedAt)}</dd>
                </>
              ) : null}
            </dl>
          </section>

          {application.status === 'CORRECTION_REQUESTED' && form ? <CorrectionForm application={application} form={form} note={correctionNote} onCorrected={refresh} /> : null}

          <section aria-labelledby="fields-heading" className="card">
            <h2 id="fields-heading">申请信息</h2>
            <dl className="facts">
              {application.fields.map((field) => (
                <div key={field.key} className="facts-row">
                  <dt>{labelOf(field.key)}</dt>
                  <dd>
                    {field.value ?? '—'}{' '}
                    <span className="badge badge-small" data-trust={field.provenance.trustLevel}>
                      {SYSTEM_LABELS[field.provenance.system] ?? field.provenance.system} · {TRUST_LABELS[field.provenance.trustLevel]}
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="materials-heading" className="card">
            <h2 id="materials-heading">申请材料</h2>
            <ul className="plain-list">
              {application.materials.map((material) => (
                <li key={material.requirementCode}>
                  <strong>{materialName(material.requirementCode)}</strong>：
                  {material.evidence.map((evidence) =>
                    evidence.__typename === 'Licence' ? (
                      <span key={evidence.id}>
                        电子证照 {evidence.title}（{evidence.number}）
                      </span>
                    ) : evidence.__typename === 'Document' ? (
                      <span key={evidence.id}>{evidence.filename}</span>
                    ) : (
                      <span key="generated-form">系统生成的申请表</span>
                    ),
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading">办理过程</h2>
            <ol className="timeline">
              {application.history.map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: history is append-only and never reordered, and its entries carry no id
                <li key={`${entry.at}-${index}`}>
                  <p>
                    <strong>{statusLabel(entry.status)}</strong> <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                  </p>
                  <p className="muted">
                    {entry.actor}
                    {entry.note ? `：${entry.note}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          </section>

          {WITHDRAWABLE.includes(application.status) ? <WithdrawPanel id={application.id} onWithdrawn={refresh} /> : null}
        </>
      ) : null}
    </>
  );
}
