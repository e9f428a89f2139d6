import { createLogger, stopOnSignals } from '@govgraph/kit';
import { destination } from 'pino';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';

/** `npm start`: configuration from the environment, listen, stop cleanly on a signal. */
// Written to stdout without blocking the event loop: lines logged while a write is under way go
// out together with the next one (one write per burst, not one per request's access line), and
// pino writes whatever is left synchronously when the process exits, fatal errors included.
const log = createLogger('gateway', undefined, destination({ dest: 1, sync: false }));
try {
  const config = loadGatewayConfig();
  const running = await createGateway(config, { log }).listen();
  log.info({ url: running.graphqlUrl, subgraphs: config.subgraphUrls, nodeEnv: config.nodeEnv }, 'gateway listening');
  stopOnSignals(log, running.close);
} catch (error) {
  // Config errors name the variable; say it plainly instead of a stack.
  log.fatal({ err: error }, error instanceof Error ? error.message : 'gateway failed to start');
  process.exit(1);
}
