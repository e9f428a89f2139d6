import { createLogger, stopOnSignals } from '@govgraph/kit';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';

/** `npm start`: configuration from the environment, listen, stop cleanly on a signal. */
const log = createLogger('gateway');
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
