// The officer's note and the decisions the case's state allows (the case system's transitions, docs/applications.md).
import { type ApplicationStatus, type DecisionAction, DecideApplicationDocument, errorCode } from '@govgraph/portal/kit';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useAuthGuard } from '../components/query-state.js';
import { actionMessage, fieldErrors } from './action-errors.js';

/** Mirrors subgraphs/applications/src/lifecycle/transitions.ts; the graph still decides (a wrong move is CONFLICT). */
const ACTIONS: ReadonlyArray<{ action: DecisionAction; label: string; from: readonly ApplicationStatus[]; done: string }> = [
  { action: 'ACCEPT', label: '受理', from: ['SUBMITTED'], done: '已受理' },
  { action: 'REQUEST_CORRECTION', label: '要求补正', from: ['SUBMITTED', 'ACCEPTED'], done: '已要求申请人补正' },
  { action: 'APPROVE', label: '批准', from: ['ACCEPTED'], done: '已批准' },
  { action: 'REJECT', label: '不予批准', from: ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED'], done: '已作出不予批准决定' },
  { action: 'COMPLETE', label: '办结', from: ['APPROVED', 'REJECTED'], done: '已办结' },
];

interface DecisionBarProps {
  caseId: string;
  status: ApplicationStatus;
  /** An approved licensing case completes by issuing its licence, not by 办结 (that is CONFLICT). */
  licensing: boolean;
  onDecided(message: string): void;
  /** Someone else moved the case on: say so and show the case as it is now. */
  onRefused(message: string, refresh: boolean): void;
}

export function DecisionBar({ caseId, status, licensing, onDecided, onRefused }: DecisionBarProps) {
  const noteId = useId();
  const noteErrorId = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [result, decide] = useMutation(DecideApplicationDocument);
  useAuthGuard(result.error);

  const actions = ACTIONS.filter((a) => a.from.includes(status) && !(a.action === 'COMPLETE' && status === 'APPROVED' && licensing));
  if (actions.length === 0) return null;

  async function run(action: DecisionAction, done: string) {
    const text = note.trim();
    // A correction request tells the applicant what to correct; without a note it says nothing.
    if (action === 'REQUEST_CORRECTION' && !text) {
      setNoteError('要求补正时请在办理意见中写明需补正的内容');
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteError(undefined);
    const outcome = await decide({ input: { id: caseId, action, note: text || null } });
    if (outcome.error) {
      const problem = fieldErrors(outcome.error).note;
      if (problem) setNoteError(problem);
      else onRefused(actionMessage(outcome.error) ?? '操作失败', errorCode(outcome.error) === 'CONFLICT');
      return;
    }
    setNote('');
    onDecided(done);
  }

  return (
    <section aria-labelledby="case-decision" className="officer-panel officer-decision">
      <h2 id="case-decision">办理</h2>
      <label htmlFor={noteId}>办理意见</label>
      <textarea
        id={noteId}
        value={note}
        maxLength={500}
        rows={3}
        onChange={(event) => setNote(event.target.value)}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteError ? noteErrorId : undefined}
      />
      {noteError && (
        <p id={noteErrorId} role="alert" className="field-error">
          {noteError}
        </p>
      )}
      <div className="officer-actions">
        {actions.map(({ action, label, done }) => (
          <button key={action} type="button" disabled={result.fetching} className={`action-${action.toLowerCase()}`} onClick={() => void run(action, done)}>
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
