// 办理身份: act for one of the person's enterprises (a new token) or as oneself again (ActAs with null).
import { ActAsDocument, errorMessage, MyHomeDocument } from '@govgraph/portal/kit';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { usePortal, useSession } from '../portal-context.js';
import { useAuthGuard } from './query-state.js';
import { navigate } from '../router.js';

interface EnterpriseChoice {
  id: string;
  name: string;
}

// While acting, `me` is the enterprise and lists no enterprises: the person's list is remembered per sign-in.
const enterprisesBySignIn = new Map<string, EnterpriseChoice[]>();

export function ActAsSwitch() {
  const { store } = usePortal();
  const session = useSession();
  const [home] = useQuery({ query: MyHomeDocument, pause: !session || Boolean(session.actingFor) });
  const [result, actAs] = useMutation(ActAsDocument);
  useAuthGuard(result.error ?? home.error);
  const [, rerender] = useState(0);
  const personToken = session?.personToken ?? '';

  const me = home.data?.me;
  const listed = me && 'enterprises' in me ? me.enterprises : undefined;
  useEffect(() => {
    if (!listed) return;
    enterprisesBySignIn.set(
      personToken,
      listed.map((entry) => ({ id: entry.enterprise.id, name: entry.enterprise.name })),
    );
    rerender((count) => count + 1);
  }, [listed, personToken]);

  if (!session) return null;
  const choices = [...(enterprisesBySignIn.get(personToken) ?? [])];
  if (session.actingFor && !choices.some((choice) => choice.id === session.actingFor?.id)) {
    choices.push({ id: session.actingFor.id, name: session.actingFor.displayName });
  }
  if (choices.length === 0) return null;

  async function change(enterpriseId: string) {
    const answer = await actAs({ enterpriseId: enterpriseId || null });
    const acted = answer.data?.actAs;
    const current = store.get();
    if (!acted || !current) return;
    store.set({
      ...current,
      token: acted.token,
      expiresAt: acted.expiresAt,
      actingFor: enterpriseId ? { id: acted.applicant.id, displayName: acted.applicant.displayName } : undefined,
    });
    navigate('/');
  }

  return (
    <div className="act-as">
      <label htmlFor="act-as">办理身份</label>
      <select id="act-as" value={session.actingFor?.id ?? ''} disabled={result.fetching} onChange={(event) => void change(event.target.value)}>
        <option value="">本人（{session.account.displayName}）</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
      {result.error ? (
        <span role="alert" className="notice-inline">
          {errorMessage(result.error)}
        </span>
      ) : null}
    </div>
  );
}
