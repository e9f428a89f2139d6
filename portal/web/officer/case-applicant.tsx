// Who applied: full while the case is with the department (a review grant), masked once it has left it.
import type { CaseApplicant } from './review-types.js';

export function CaseApplicantSection({ applicant }: { applicant: CaseApplicant }) {
  return (
    <section aria-labelledby="case-applicant" className="officer-panel">
      <h2 id="case-applicant">申请人</h2>
      <dl className="officer-facts">
        <dt>名称</dt>
        <dd>{'name' in applicant && applicant.name ? applicant.name : applicant.displayName}</dd>
        {'idNumberMasked' in applicant && (
          <>
            <dt>身份证号</dt>
            <dd>{applicant.idNumberMasked ?? '—'}</dd>
            <dt>手机号码</dt>
            <dd>{applicant.mobileMasked ?? '—'}</dd>
            <dt>地址</dt>
            <dd>{applicant.address ? `${applicant.address.divisionName}${applicant.address.detail}` : '—'}</dd>
          </>
        )}
        {'creditCode' in applicant && (
          <>
            <dt>统一社会信用代码</dt>
            <dd>{applicant.creditCode ?? '—'}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
