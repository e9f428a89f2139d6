// `npm start`'s portal process: the reference citizen, enterprise and officer pages on their own
// port (PORTAL_PORT, 4100), talking to the gateway at PORTAL_GATEWAY_URL across origins.
import { startPortalServer } from './serve-portal.js';

const port = Number(process.env.PORTAL_PORT ?? '4100');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORTAL_PORT must be a port number, got ${JSON.stringify(process.env.PORTAL_PORT)}`);
  process.exit(2);
}
const gatewayUrl = process.env.PORTAL_GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '4000'}/graphql`;
const portal = await startPortalServer({ host: process.env.HOST ?? '127.0.0.1', port, gatewayUrl });
console.log(JSON.stringify({ level: 30, time: Date.now(), msg: `portal listening on ${portal.url} (bundle built in ${portal.bundle.buildMs} ms)` }));

const stop = () => {
  void portal.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
