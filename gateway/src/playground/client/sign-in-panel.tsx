import { useState, type FormEvent } from 'react';
import type { PlaygroundDemoAccount } from './page-config.js';
import { useSession } from './session-context.js';

export interface SignInPanelProps {
  demoAccounts: PlaygroundDemoAccount[];
  demoPassword: string;
}

/**
 * Signs in with the `login` mutation; from then on every request of every tab carries
 * `Authorization: Bearer <token>` (see create-fetcher.ts).
 */
export function SignInPanel({ demoAccounts, demoPassword }: SignInPanelProps) {
  const { session, signIn, signOut } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  async function attempt(name: string, secret: string) {
    setBusy(name);
    setProblem(null);
    try {
      await signIn(name, secret);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (username) void attempt(username, password);
  }

  return (
    <section className="gg-panel" aria-label="Sign in">
      <div className="graphiql-doc-explorer-title">Sign in</div>
      <section className="gg-session" role="status" aria-live="polite">
        {session ? (
          <>
            <p>
              Signed in as <strong className="gg-session-name">{session.displayName}</strong> ({session.username}
              {session.roles.length > 0 ? `, ${session.roles.join(', ')}` : ''}).
            </p>
            <p className="gg-muted">
              Every request now carries <code>Authorization: Bearer {session.token.slice(0, 12)}…</code>
              {session.expiresAt ? <> until {new Date(session.expiresAt).toLocaleString()}</> : null}. A header typed in a tab's Headers editor takes precedence.
            </p>
            <button type="button" className="gg-button" onClick={signOut}>
              Sign out
            </button>
          </>
        ) : (
          <p className="gg-muted">Not signed in: requests go out without a token, as an anonymous visitor's would.</p>
        )}
      </section>
      {problem ? (
        <p className="gg-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {demoAccounts.length > 0 ? (
        <section>
          <h3 className="gg-heading">
            Demo accounts <span className="gg-muted">(password {demoPassword})</span>
          </h3>
          <ul className="gg-list">
            {demoAccounts.map((account) => (
              <li key={account.username}>
                <button
                  type="button"
                  className="gg-account"
                  aria-label={`Sign in as ${account.username}`}
                  aria-pressed={session?.username === account.username}
                  disabled={busy !== null}
                  onClick={() => void attempt(account.username, demoPassword)}
                >
                  <span className="gg-account-name">{account.username}</span>
                  <span className="gg-muted">{busy === account.username ? 'signing in…' : account.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form className="gg-form" onSubmit={submit}>
        <h3 className="gg-heading">Another account</h3>
        <label>
          Username
          <input value={username} autoComplete="username" onChange={(event) => setUsername(event.target.value)} />
        </label>
        <label>
          Password
          <input type="password" value={password} autoComplete="current-password" onChange={(event) => setPassword(event.target.value)} />
        </label>
        <button type="submit" className="gg-button" disabled={busy !== null || !username}>
          Sign in
        </button>
      </form>
    </section>
  );
}
