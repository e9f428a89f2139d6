// The queue (#/officer): the department's cases, earliest deadline first, filtered by status and paged by cursor.
import { type ApplicationStatus, OfficerQueueDocument } from '@govgraph/portal/kit';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { Pager, useCursorPager } from '../components/pager.js';
import { QueryNotice } from '../components/query-state.js';
import { STATUS_LABELS, formatTime } from '../format.js';
import { Link } from '../router.js';
import { DEADLINE_LABELS, deadlineState } from './deadline.js';

const PAGE_SIZE = 20;
const STATUSES = Object.keys(STATUS_LABELS) as ApplicationStatus[];

export function QueuePage() {
  const statusId = useId();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const pager = useCursorPager();
  // Always from the network: other officers move cases on while this page is open.
  const [result] = useQuery({
    query: OfficerQueueDocument,
    variables: { status: status || null, first: PAGE_SIZE, after: pager.after ?? null },
    requestPolicy: 'cache-and-network',
  });
  const queue = result.data?.officerQueue;

  return (
    <section className="officer">
      <h1>办件工作台</h1>
      <div className="officer-filter">
        <label htmlFor={statusId}>办件状态</label>
        <select
          id={statusId}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as ApplicationStatus | '');
            pager.reset();
          }}
        >
          {/* Without a status the graph answers every case still waiting for the department. */}
          <option value="">全部待办</option>
          {STATUSES.map((code) => (
            <option key={code} value={code}>
              {STATUS_LABELS[code]}
            </option>
          ))}
        </select>
      </div>
      <QueryNotice result={result} />
      {queue && (
        <>
          <table className="officer-table">
            <caption>本部门办件（按办结期限排序）</caption>
            <thead>
              <tr>
                <th scope="col">办件编号</th>
                <th scope="col">事项</th>
                <th scope="col">申请人</th>
                <th scope="col">状态</th>
                <th scope="col">提交时间</th>
                <th scope="col">办结期限</th>
              </tr>
            </thead>
            <tbody>
              {queue.edges.map(({ node }) => {
                const state = deadlineState(node.deadline);
                const label = DEADLINE_LABELS[state];
                return (
                  <tr key={node.id}>
                    <td>
                      <Link to={`/officer/cases/${encodeURIComponent(node.id)}`}>{node.number}</Link>
                    </td>
                    <td>{node.matter.name}</td>
                    {/* A list grant: the name arrives masked (张*), nothing full leaves in a list. */}
                    <td>{node.applicant.displayName}</td>
                    <td>{STATUS_LABELS[node.status]}</td>
                    <td>{formatTime(node.submittedAt)}</td>
                    <td className={`deadline deadline-${state}`}>
                      {node.deadline}
                      {label && <span className="deadline-flag">{label}</span>}
                    </td>
                  </tr>
                );
              })}
              {queue.edges.length === 0 && (
                <tr>
                  <td colSpan={6}>暂无办件</td>
                </tr>
              )}
            </tbody>
          </table>
          <Pager pager={pager} hasNextPage={queue.pageInfo.hasNextPage} endCursor={queue.pageInfo.endCursor} totalCount={queue.totalCount} label="办件" />
        </>
      )}
    </section>
  );
}
