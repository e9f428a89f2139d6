// The shell: sign-in when nobody is signed in, else the header and the page the hash route names.
import { useEffect, useRef } from 'react';
import { SignIn } from './components/sign-in.js';
import { SiteHeader } from './components/site-header.js';
import { OfficerWorkbench } from './officer/officer-workbench.js';
import { ApplyPage } from './pages/apply-page.js';
import { CasePage } from './pages/case-page.js';
import { CasesPage } from './pages/cases-page.js';
import { CatalogPage } from './pages/catalog-page.js';
import { DataAccessPage } from './pages/data-access-page.js';
import { GuidePage } from './pages/guide-page.js';
import { HomePage } from './pages/home-page.js';
import { useSession } from './portal-context.js';
import { useRoute } from './router.js';

function Page({ route, officer }: { route: string[]; officer: boolean }) {
  const [section, id] = route;
  if (section === undefined) return <HomePage />;
  if (section === 'matters' && id) return <GuidePage code={id} />;
  if (section === 'matters') return <CatalogPage />;
  if (section === 'apply' && id) return <ApplyPage code={id} />;
  if (section === 'cases' && id) return <CasePage id={id} />;
  if (section === 'cases') return <CasesPage />;
  if (section === 'data-access') return <DataAccessPage />;
  if (section === 'officer' && officer) return <OfficerWorkbench />;
  return (
    <>
      <h1>未找到页面</h1>
      <p>该地址没有对应的页面。</p>
    </>
  );
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const path = route.join('/');
  const main = useRef<HTMLElement>(null);

  // A route change is a new page for a screen reader too: focus moves to its content.
  useEffect(() => {
    if (path !== undefined) main.current?.focus();
  }, [path]);

  if (!session) return <SignIn />;
  return (
    <>
      {/* A button, not <a href="#main">: the hash is the route. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        跳到主要内容
      </button>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="page">
        <Page key={`${session.token}/${path}`} route={route} officer={session.account.roles.includes('officer')} />
      </main>
      <footer className="site-footer">
        <p>深圳市政务服务数据管理局 主办 · 参考门户</p>
      </footer>
    </>
  );
}
