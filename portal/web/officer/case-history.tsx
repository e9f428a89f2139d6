// What happened to the case, oldest first, with who acted and their note.
import { formatTime, statusLabel } from '../format.js';
import type { ReviewedCase } from './review-types.js';

export function CaseHistorySection({ history }: { history: ReviewedCase['history'] }) {
  return (
    <section aria-labelledby="case-history" className="officer-panel">
      <h2 id="case-history">办理记录</h2>
      <ol className="officer-history">
        {history.map((step) => (
          <li key={`${step.at}-${step.status}`}>
            <time dateTime={step.at}>{formatTime(step.at)}</time> {statusLabel(step.status)} · {step.actor}
            {step.note && <span className="history-note">：{step.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
