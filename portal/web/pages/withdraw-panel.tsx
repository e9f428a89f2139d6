// 撤回申请, with a confirmation step: a withdrawn case cannot be taken back.
import { errorMessage, WithdrawApplicationDocument } from '@govgraph/portal/kit';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useAuthGuard } from '../components/query-state.js';

export function WithdrawPanel({ id, onWithdrawn }: { id: string; onWithdrawn(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [result, withdraw] = useMutation(WithdrawApplicationDocument);
  useAuthGuard(result.error);

  async function confirm() {
    const answer = await withdraw({ input: { id, note: note.trim() || null } });
    if (answer.data?.withdrawApplication.application) {
      setConfirming(false);
      onWithdrawn();
    }
  }

  return (
    <section aria-labelledby="withdraw-heading" className="card card-quiet">
      <h2 id="withdraw-heading">撤回申请</h2>
      {confirming ? (
        <>
          <div className="field">
            <label htmlFor="withdraw-note">撤回原因（选填）</label>
            <input id="withdraw-note" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
          </div>
          <p>撤回后该办件将终止办理，且不能恢复。</p>
          <p className="actions">
            <button type="button" className="danger" onClick={() => void confirm()} disabled={result.fetching}>
              确认撤回
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              取消
            </button>
          </p>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          撤回申请
        </button>
      )}
      {result.error ? (
        <p role="alert" className="notice notice-error">
          {errorMessage(result.error)}
        </p>
      ) : null}
    </section>
  );
}
