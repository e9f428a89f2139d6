/** Who is signed in, and as whom they act. */
export interface PortalSession {
  /** The bearer token: the sign-in token, or the act-as token while acting for an enterprise. */
  token: string;
  expiresAt: string;
  account: { id: string; displayName: string; roles: readonly string[] };
  /** The signed-in person's own token, kept to switch back from acting for an enterprise. */
  personToken: string;
  /** Set while acting for an enterprise. */
  actingFor?: { id: string; displayName: string };
}

const STORAGE_KEY = 'govgraph.session';

/** The part of the Web Storage API the store uses (sessionStorage in a browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The session in sessionStorage (one tab, gone when it closes; never a cookie, so another site
 * cannot send requests with it). Expired sessions read as none.
 */
export class SessionStore {
  private readonly listeners = new Set<() => void>();
  private current: PortalSession | undefined;

  constructor(private readonly storage: KeyValueStorage | undefined = (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage) {
    this.current = this.read();
  }

  get(): PortalSession | undefined {
    if (this.current && Date.parse(this.current.expiresAt) <= Date.now()) this.set(undefined);
    return this.current;
  }

  token(): string | undefined {
    return this.get()?.token;
  }

  set(session: PortalSession | undefined): void {
    this.current = session;
    if (session) this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
    else this.storage?.removeItem(STORAGE_KEY);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): PortalSession | undefined {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as PortalSession) : undefined;
    } catch {
      return undefined;
    }
  }
}
