// The header every signed-in page shares: who is signed in, as whom they act, where they can go.
import { usePortal, useSession } from '../portal-context.js';
import { Link, navigate, useRoute } from '../router.js';
import { ActAsSwitch } from './act-as-switch.js';

interface NavEntry {
  to: string;
  label: string;
  /** The first route segment that marks the entry as the current page. */
  section: string;
}

const APPLICANT_NAV: NavEntry[] = [
  { to: '/', label: '首页', section: '' },
  { to: '/matters', label: '办事服务', section: 'matters' },
  { to: '/cases', label: '我的办件', section: 'cases' },
  { to: '/data-access', label: '数据使用记录', section: 'data-access' },
];

export function SiteHeader() {
  const { store } = usePortal();
  const session = useSession();
  const [section = ''] = useRoute();
  if (!session) return null;
  const officer = session.account.roles.includes('officer');
  const nav = officer ? [...APPLICANT_NAV, { to: '/officer', label: '工作台', section: 'officer' }] : APPLICANT_NAV;
  // The page the header names: the officers' workbench, the enterprise page while acting for one, else the citizen page.
  const pageName = officer ? '政务服务工作台' : session.actingFor ? '企业专属网页' : '市民个人网页';

  function signOut() {
    store.set(undefined);
    navigate('/');
  }

  return (
    <header className="site-header">
      <div className="site-header-top">
        <p className="site-title">
          深圳市网上办事大厅 <span className="site-subtitle">{pageName}</span>
        </p>
        <div className="site-session">
          <span className="who">
            {session.account.displayName}
            {session.actingFor ? ` · 代表 ${session.actingFor.displayName}` : ''}
          </span>
          <ActAsSwitch />
          <button type="button" onClick={signOut}>
            退出登录
          </button>
        </div>
      </div>
      <nav aria-label="主导航" className="site-nav">
        <ul>
          {nav.map((entry) => (
            <li key={entry.to}>
              <Link to={entry.to} current={section === entry.section}>
                {entry.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
