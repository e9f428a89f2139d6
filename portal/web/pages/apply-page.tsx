// 在线办理: opens the form (StartForm, which also opens the form session a submission is checked against) with its rules (MatterForm).
import { MatterFormDocument, StartFormDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { QueryNotice } from '../components/query-state.js';
import { Link } from '../router.js';
import { ApplicationForm } from './application-form.js';

export function ApplyPage({ code }: { code: string }) {
  // Always from the network: each StartForm refreshes the form session, and prefilled data must be current.
  const [start] = useQuery({ query: StartFormDocument, variables: { matterCode: code }, requestPolicy: 'network-only' });
  const [rules] = useQuery({ query: MatterFormDocument, variables: { code } });
  const prefill = start.data?.prefill;
  const form = rules.data?.matter;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/matters">办事服务</Link> › <Link to={`/matters/${code}`}>办事指南</Link> › 在线办理
      </p>
      <h1>{prefill ? `在线办理：${prefill.matter.name}` : '在线办理'}</h1>
      <QueryNotice result={start} />
      {start.data && !prefill ? <p role="alert">未找到事项 {code}，或您不能办理该事项。</p> : null}
      {rules.error && !start.error ? <QueryNotice result={rules} /> : null}
      {prefill && form ? <ApplicationForm prefill={prefill} form={form} /> : null}
    </>
  );
}
