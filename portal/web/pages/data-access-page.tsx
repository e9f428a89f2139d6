// 数据使用记录: who read my personal data, when, for which case, and which fields — the applicant's own audit trail.
import { MyDataAccessDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { Pager, useCursorPager } from '../components/pager.js';
import { QueryNotice } from '../components/query-state.js';
import { dataFieldLabel, formatTime } from '../format.js';

export function DataAccessPage() {
  const pager = useCursorPager();
  const [result] = useQuery({ query: MyDataAccessDocument, variables: { first: 20, after: pager.after }, requestPolicy: 'cache-and-network' });
  const log = result.data?.me?.dataAccessLog;
  return (
    <>
      <h1>数据使用记录</h1>
      <p className="lead">政府部门工作人员每一次查看您的个人数据，都会记录在这里。</p>
      <QueryNotice result={result} />
      {log ? (
        <>
          {log.edges.length ? (
            <table className="data-access">
              <caption className="visually-hidden">数据使用记录，共 {log.totalCount} 条</caption>
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">使用人</th>
                  <th scope="col">部门</th>
                  <th scope="col">用途</th>
                  <th scope="col">使用的数据</th>
                </tr>
              </thead>
              <tbody>
                {log.edges.map(({ node }, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a page of the log is never reordered, and its entries carry no id
                  <tr key={`${node.at}-${index}`}>
                    <td>{formatTime(node.at)}</td>
                    <td>{node.accessor}</td>
                    <td>{node.department?.name ?? '—'}</td>
                    <td>{node.purpose}</td>
                    <td>
                      <ul className="plain-list compact">
                        {node.fields.map((field) => (
                          <li key={field} title={field}>
                            {dataFieldLabel(field)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>暂无记录。</p>
          )}
          <Pager pager={pager} hasNextPage={log.pageInfo.hasNextPage} endCursor={log.pageInfo.endCursor} totalCount={log.totalCount} label="记录" />
        </>
      ) : null}
    </>
  );
}
