// The officer workbench (#/officer…): routes between the queue and one case's review, for officers only.
import { useRoute } from '../router.js';
import { useSession } from '../portal-context.js';
import { QueuePage } from './queue-page.js';
import { ReviewPage } from './review-page.js';
import './officer.css';

export function OfficerWorkbench() {
  const session = useSession();
  const [, section, caseId] = useRoute();

  // The graph refuses anyway (FORBIDDEN / null); saying so up front beats an empty queue.
  if (!session?.account.roles.includes('officer')) {
    return (
      <section className="officer">
        <h1>办件工作台</h1>
        <p role="alert" className="notice notice-error">
          办件工作台仅供部门工作人员使用，请以工作人员账号登录。
        </p>
      </section>
    );
  }
  if (section === 'cases' && caseId) return <ReviewPage key={caseId} caseId={caseId} />;
  return <QueuePage />;
}
