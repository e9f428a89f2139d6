// 办事指南: one matter's guide (basis, time limits, fee, materials, form) and the way into its online form.
import { MatterGuideDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { QueryNotice } from '../components/query-state.js';
import { Link } from '../router.js';

const MATTER_TYPES: Record<string, string> = {
  LICENSING: '行政许可',
  CONFIRMATION: '行政确认',
  BENEFIT: '行政给付',
  PUBLIC_SERVICE: '公共服务',
  INSPECTION: '行政检查',
  LEVY: '行政征收',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  ADJUDICATION: '行政裁决',
  REWARD: '行政奖励',
  OTHER_POWER: '其他行政权力',
};
const SERVED: Record<string, string> = { PERSON: '自然人', ENTERPRISE: '法人' };

export function GuidePage({ code }: { code: string }) {
  const [result] = useQuery({ query: MatterGuideDocument, variables: { code } });
  const matter = result.data?.matter;
  if (result.data && !matter) {
    return (
      <>
        <h1>办事指南</h1>
        <p role="alert">未找到事项 {code}。</p>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/matters">办事服务</Link> › 办事指南
      </p>
      <h1>{matter?.name ?? '办事指南'}</h1>
      <QueryNotice result={result} />
      {matter ? (
        <>
          <p>
            <Link to={`/apply/${matter.code}`} className="button primary">
              在线办理
            </Link>
          </p>
          <section aria-labelledby="basics-heading" className="card">
            <h2 id="basics-heading">基本信息</h2>
            <dl className="facts">
              <dt>事项编码</dt>
              <dd>{matter.code}</dd>
              <dt>实施部门</dt>
              <dd>{matter.department.name}</dd>
              <dt>事项类型</dt>
              <dd>{MATTER_TYPES[matter.type] ?? matter.type}</dd>
              <dt>办件类型</dt>
              <dd>{matter.caseType === 'INSTANT' ? '即办件' : '承诺件'}</dd>
              <dt>服务对象</dt>
              <dd>{matter.servedObjects.map((served) => SERVED[served] ?? served).join('、')}</dd>
              <dt>法定时限</dt>
              <dd>{matter.legalTimeLimitDays} 个工作日</dd>
              <dt>承诺时限</dt>
              <dd>{matter.promisedTimeLimitDays} 个工作日</dd>
              <dt>到现场次数</dt>
              <dd>{matter.visitsRequired} 次</dd>
              <dt>网办深度</dt>
              <dd>{matter.onlineDepth} 级</dd>
              <dt>收费</dt>
              <dd>{matter.fee}</dd>
              <dt>设定依据</dt>
              <dd>{matter.legalBasis}</dd>
            </dl>
          </section>
          <section aria-labelledby="materials-heading" className="card">
            <h2 id="materials-heading">申请材料</h2>
            <ul className="plain-list">
              {matter.materials.map((material) => (
                <li key={material.code}>
                  {material.name}
                  {material.required ? '（必需）' : '（非必需）'}
                  {material.acceptsLicenceType ? <span className="tag">可用电子证照「{material.acceptsLicenceType.name}」免交</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="form-heading" className="card">
            <h2 id="form-heading">申请表</h2>
            <ul className="plain-list">
              {matter.form.fields.map((field) => (
                <li key={field.key}>
                  {field.label}
                  {field.required ? '（必填）' : ''}
                  {field.source ? <span className="tag">可自动填写</span> : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
