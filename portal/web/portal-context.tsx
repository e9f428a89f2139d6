import { createGovgraphClient, type PortalSession, type SessionStore } from '@govgraph/portal/kit';
import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from 'react';
import { Provider as UrqlProvider } from 'urql';

/** What every page may use: the gateway, the session, and a way to change it. */
export interface Portal {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** The gateway's origin, for /documents uploads and downloads. */
  gatewayOrigin: string;
  store: SessionStore;
}

const PortalContext = createContext<Portal | undefined>(undefined);

export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside <PortalProvider>');
  return portal;
}

/** The current session; re-renders when it changes (sign-in, act-as, sign-out, expiry). */
export function useSession(): PortalSession | undefined {
  const { store } = usePortal();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.get(),
  );
}

/**
 * The urql client is made anew whenever who is signed in or acting changes, so nothing one
 * applicant's queries cached is ever shown to the next.
 */
export function PortalProvider({ portal, children }: { portal: Portal; children: ReactNode }) {
  const session = useSyncExternalStore(
    (listener) => portal.store.subscribe(listener),
    () => portal.store.get(),
  );
  const token = session?.token;
  // One client per token: what one applicant's queries cached is never shown to the next.
  const client = useMemo(() => createGovgraphClient({ url: portal.gatewayUrl, token: () => token }), [portal, token]);
  return (
    <PortalContext.Provider value={portal}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </PortalContext.Provider>
  );
}
