// 首页: who I am (masked as the graph gives it), my valid licences, my recent cases with deadlines, my documents.
import { MyHomeDocument } from '@govgraph/portal/kit';
import { useQuery } from 'urql';
import { QueryNotice } from '../components/query-state.js';
import { formatDate, formatSize, formatTime, statusLabel } from '../format.js';
import { Link } from '../router.js';

export function HomePage() {
  const [result] = useQuery({ query: MyHomeDocument, requestPolicy: 'cache-and-network' });
  const me = result.data?.me;
  return (
    <>
      <h1>{me ? `${me.displayName}的主页` : '我的主页'}</h1>
      <QueryNotice result={result} />
      {me ? (
        <>
          <section aria-labelledby="who-heading" className="card">
            <h2 id="who-heading">基本信息</h2>
            <dl className="facts">
              <dt>名称</dt>
              <dd>{me.displayName}</dd>
              {'idNumberMasked' in me ? (
                <>
                  <dt>公民身份号码</dt>
                  <dd>{me.idNumberMasked ?? '—'}</dd>
                  <dt>手机号码</dt>
                  <dd>{me.mobileMasked ?? '—'}</dd>
                </>
              ) : null}
              {'creditCode' in me ? (
                <>
                  <dt>统一社会信用代码</dt>
                  <dd>{me.creditCode}</dd>
                  <dt>法定代表人</dt>
                  <dd>{me.legalRepresentative?.name ?? '—'}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="licences-heading" className="card">
            <h2 id="licences-heading">我的证照</h2>
            {me.licences?.length ? (
              <table>
                <caption className="visually-hidden">有效证照</caption>
                <thead>
                  <tr>
                    <th scope="col">证照名称</th>
                    <th scope="col">证照号码</th>
                    <th scope="col">发证部门</th>
                    <th scope="col">有效期至</th>
                  </tr>
                </thead>
                <tbody>
                  {me.licences.map((licence) => (
                    <tr key={licence.id}>
                      <td>{licence.title}</td>
                      <td>{licence.number}</td>
                      <td>{licence.issuer.name}</td>
                      <td>{formatDate(licence.validTo)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>暂无有效证照。</p>
            )}
          </section>

          <section aria-labelledby="cases-heading" className="card">
            <h2 id="cases-heading">我的办件</h2>
            {me.applications.edges.length ? (
              <table>
                <caption className="visually-hidden">最近的办件，共 {me.applications.totalCount} 件</caption>
                <thead>
                  <tr>
                    <th scope="col">办件编号</th>
                    <th scope="col">事项</th>
                    <th scope="col">状态</th>
                    <th scope="col">提交时间</th>
                    <th scope="col">办结期限</th>
                  </tr>
                </thead>
                <tbody>
                  {me.applications.edges.map(({ node }) => (
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
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>暂无办件。</p>
            )}
            <p>
              <Link to="/cases">全部办件（{me.applications.totalCount}）</Link> · <Link to="/matters">去办事</Link>
            </p>
          </section>

          <section aria-labelledby="documents-heading" className="card">
            <h2 id="documents-heading">我的材料</h2>
            {me.documents?.length ? (
              <ul className="plain-list">
                {me.documents.map((document) => (
                  <li key={document.id}>
                    {document.filename}{' '}
                    <span className="muted">
                      （{formatSize(document.size)}，上传于 {formatTime(document.uploadedAt)}）
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>暂无上传的材料。</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
