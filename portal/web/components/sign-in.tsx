// One sign-in for the citizen page (市民个人网页) and the enterprise page (企业专属网页): enterprises are entered by acting for them afterwards.
import { errorMessage, LoginDocument } from '@govgraph/portal/kit';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { usePortal } from '../portal-context.js';
import { navigate } from '../router.js';

export function SignIn() {
  const { store } = usePortal();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginDocument);

  /** Never rejects: urql answers a failed mutation with the error in its result, shown below. */
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ username: username.trim(), password });
    const signedIn = answer.data?.login;
    if (!signedIn) return;
    const { token, expiresAt, account } = signedIn;
    store.set({ token, expiresAt, personToken: token, account: { id: account.id, displayName: account.displayName, roles: account.roles } });
    // Officers start at their workbench; applicants stay where they were headed.
    if (account.roles.includes('officer')) navigate('/officer');
  }

  return (
    <main id="main" className="sign-in">
      <h1>深圳市网上办事大厅</h1>
      <p className="lead">市民个人网页 · 企业专属网页 统一登录</p>
      <form onSubmit={(event) => void submit(event)} className="card" aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">登录</h2>
        <div className="field">
          <label htmlFor="username">用户名</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">密码</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        {result.error ? (
          <p role="alert" className="notice notice-error">
            {errorMessage(result.error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={result.fetching}>
          登录
        </button>
      </form>
    </main>
  );
}
