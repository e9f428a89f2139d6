// One case's review (#/officer/cases/<id>): who applied, what, with which materials, what happened, and what to do next.
import { MatterGuideDocument, ReviewApplicationDocument } from '@govgraph/portal/kit';
import { useCallback, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { QueryNotice } from '../components/query-state.js';
import { STATUS_LABELS } from '../format.js';
import { Link } from '../router.js';
import { CaseApplicantSection } from './case-applicant.js';
import { CaseFieldsSection } from './case-fields.js';
import { CaseHistorySection } from './case-history.js';
import { CaseMaterialsSection } from './case-materials.js';
import { DecisionBar } from './decision-bar.js';
import { type IssuedLicence, IssueLicenceForm } from './issue-licence-form.js';

/** The case completes on its own once the licence is issued (an event to the case system): look a few times. */
const POLL_MS = 1000;
const POLL_TIMES = 10;

type Notice = { kind: 'done' | 'refused'; text: string } | undefined;

export function ReviewPage({ caseId }: { caseId: string }) {
  // Never from the cache: the grants inside expire after ten minutes, and another officer may have acted.
  const [review, reexecute] = useQuery({ query: ReviewApplicationDocument, variables: { id: caseId }, requestPolicy: 'network-only' });
  const application = review.data?.application;
  const [guide] = useQuery({ query: MatterGuideDocument, variables: { code: application?.matter.code ?? '' }, pause: !application });
  const matter = guide.data?.matter ?? undefined;
  const [notice, setNotice] = useState<Notice>();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedLicence>();

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const status = application?.status;

  useEffect(() => {
    if (!issued || status === 'COMPLETED') return;
    let times = 0;
    const timer = setInterval(() => {
      if (++times > POLL_TIMES) clearInterval(timer);
      else refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [issued, status, refresh]);

  const refused = (text: string, refreshNow: boolean) => {
    setNotice({ kind: 'refused', text });
    if (refreshNow) refresh();
  };

  const back = <Link to="/officer">返回办件列表</Link>;
  if (!application) {
    return (
      <section className="officer">
        <p>{back}</p>
        <h1>办件审查</h1>
        <QueryNotice result={review} />
        {review.data && !review.fetching && (
          <p role="alert" className="notice notice-error">
            未找到该办件，或它不属于本部门。
          </p>
        )}
      </section>
    );
  }

  const licensing = matter?.type === 'LICENSING';
  const acceptedTypes = (matter?.materials ?? []).flatMap((m) => (m.acceptsLicenceType ? [m.acceptsLicenceType.code] : []));
  return (
    <section className="officer">
      <p>{back}</p>
      <h1>
        办件审查 <span className="case-number">{application.number}</span>
      </h1>
      <dl className="officer-facts officer-summary">
        <dt>事项</dt>
        <dd>{application.matter.name}</dd>
        <dt>状态</dt>
        <dd>{STATUS_LABELS[application.status]}</dd>
        <dt>办结期限</dt>
        <dd>{application.deadline}</dd>
      </dl>
      <QueryNotice result={review} />
      {notice && (
        <p role={notice.kind === 'done' ? 'status' : 'alert'} className={`notice ${notice.kind === 'done' ? 'notice-success' : 'notice-error'}`}>
          {notice.text}
        </p>
      )}
      {issued && (
        <p role="status" className="notice notice-success">
          已签发{issued.title}，证照编号 {issued.number}，有效期至 {issued.validTo ?? '长期'}。{application.status === 'COMPLETED' ? '办件已办结。' : '办件将自动办结…'}
        </p>
      )}
      <CaseApplicantSection applicant={application.applicant} />
      <CaseFieldsSection fields={application.fields} matter={matter} />
      <CaseMaterialsSection materials={application.materials} matter={matter} />
      <CaseHistorySection history={application.history} />
      <DecisionBar
        caseId={application.id}
        status={application.status}
        licensing={licensing}
        onDecided={(text) => {
          setNotice({ kind: 'done', text });
          refresh();
        }}
        onRefused={refused}
      />
      {licensing && application.status === 'APPROVED' && !issued && !issuing && (
        <div className="officer-actions">
          <button type="button" onClick={() => setIssuing(true)}>
            签发证照
          </button>
        </div>
      )}
      {issuing && !issued && (
        <IssueLicenceForm
          application={application}
          acceptedTypes={acceptedTypes}
          departmentCode={matter?.department.code}
          onIssued={(licence) => {
            setIssuing(false);
            setIssued(licence);
            setNotice(undefined);
            refresh();
          }}
          onRefused={refused}
          onCancel={() => setIssuing(false)}
        />
      )}
    </section>
  );
}
