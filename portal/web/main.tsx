import { SessionStore } from '@govgraph/portal/kit';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { PortalProvider } from './portal-context.js';
import './portal.css';

const gatewayUrl = document.querySelector<HTMLMetaElement>('meta[name="govgraph-gateway"]')?.content ?? '/graphql';
const portal = { gatewayUrl, gatewayOrigin: new URL(gatewayUrl, window.location.href).origin, store: new SessionStore() };

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalProvider portal={portal}>
        <App />
      </PortalProvider>
    </StrictMode>,
  );
}
