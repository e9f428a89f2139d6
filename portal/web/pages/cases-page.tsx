// 我的办件: every case of the applicant (or the enterprise acted for), newest first, a page at a time.
import { MyApplicationsDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { Pager, useCursorPager } from '../components/pager.js';
import { QueryNotice } from '../components/query-state.js';
import { formatDate, formatTime, statusLabel } from '../format.js';
import { Link } from '../router.js';

export function CasesPage() {
  const pager = useCursorPager();
  const [result] = useQuery({ query: MyApplicationsDocument, variables: { first: 20, after: pager.after }, requestPolicy: 'cache-and-network' });
  const applications = result.data?.me?.applications;
  return (
    <>
      <h1>我的办件</h1>
      <QueryNotice result={result} />
      {applications ? (
        <>
          {applications.edges.length ? (
            <table>
              <caption className="visually-hidden">我的办件，共 {applications.totalCount} 件</caption>
              <thead>
                <tr>
                  <th scope="col">办件编号</th>
                  <th scope="col">事项</th>
                  <th scope="col">状态</th>
                  <th scope="col">提交时间</th>
                  <th scope="col">办结期限</th>
                  <th scope="col">是否按时</th>
                </tr>
              </thead>
              <tbody>
                {applications.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>
                      <Link to={`/cases/${node.id}`}>{node.number}</Link>
                    </td>
                    <td>{node.matter.name}</td>
                    <td>
                      <span className={`status status-${node.status.toLowerCase()}`}>{statusLabel(node.status)}</span>
                    </td>
                    <td>{formatTime(node.submittedAt)}</td>
                    <td>{formatDate(node.deadline)}</td>
                    <td>{node.onTime == null ? '—' : node.onTime ? '按时' : '超时'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>暂无办件。</p>
          )}
          <Pager pager={pager} hasNextPage={applications.pageInfo.hasNextPage} endCursor={applications.pageInfo.endCursor} totalCount={applications.totalCount} label="办件" />
        </>
      ) : null}
    </>
  );
}
