// 办事服务: search the matter catalog by text and department, a page at a time.
import { SearchCatalogDocument } from '@govgraph/portal/kit';
import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { Pager, useCursorPager } from '../components/pager.js';
import { QueryNotice } from '../components/query-state.js';
import { Link } from '../router.js';

const PAGE_SIZE = 20;
const CASE_TYPES: Record<string, string> = { INSTANT: '即办件', PROMISED: '承诺件' };

export function CatalogPage() {
  const [text, setText] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  // What the last 搜索 asked for; typing alone does not query.
  const [filter, setFilter] = useState<{ text?: string; departmentCode?: string }>({});
  const pager = useCursorPager();
  const [result] = useQuery({ query: SearchCatalogDocument, variables: { filter, first: PAGE_SIZE, after: pager.after } });
  const matters = result.data?.matters;

  function search(event: FormEvent) {
    event.preventDefault();
    pager.reset();
    setFilter({ ...(text.trim() ? { text: text.trim() } : {}), ...(departmentCode ? { departmentCode } : {}) });
  }

  return (
    <>
      <h1>办事服务</h1>
      <search className="card">
        <form className="search-form" onSubmit={search} aria-label="事项搜索">
          <div className="field">
            <label htmlFor="matter-search">搜索事项</label>
            <input id="matter-search" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="事项名称或部门，如：驾驶证" />
          </div>
          <div className="field">
            <label htmlFor="matter-department">部门</label>
            <select id="matter-department" value={departmentCode} onChange={(event) => setDepartmentCode(event.target.value)}>
              <option value="">全部部门</option>
              {result.data?.departments.map((department) => (
                <option key={department.code} value={department.code}>
                  {department.name}（{department.matterCount}）
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            搜索
          </button>
        </form>
      </search>
      <QueryNotice result={result} />
      {matters ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            搜索结果 <span className="muted">共 {matters.totalCount} 项</span>
          </h2>
          <p role="status" className="visually-hidden">
            找到 {matters.totalCount} 项事项
          </p>
          {matters.edges.length ? (
            <ul className="result-list">
              {matters.edges.map(({ node }) => (
                <li key={node.code} className="card result">
                  <h3>
                    <Link to={`/matters/${node.code}`}>{node.name}</Link>
                  </h3>
                  <p className="muted">
                    {node.code} · {node.department.name} · {CASE_TYPES[node.caseType] ?? node.caseType} · 承诺时限 {node.promisedTimeLimitDays} 个工作日 · 网办深度{' '}
                    {node.onlineDepth}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>没有符合条件的事项。</p>
          )}
          <Pager pager={pager} hasNextPage={matters.pageInfo.hasNextPage} endCursor={matters.pageInfo.endCursor} totalCount={matters.totalCount} label="事项" />
        </section>
      ) : null}
    </>
  );
}
