export { buildPortalBundle, type PortalAsset, type PortalBundle } from './build-portal.js';
export { portalContentSecurityPolicy, renderPortalPage } from './portal-page.js';
export { startPortalServer, type PortalServerOptions, type RunningPortal } from './serve-portal.js';
