import { createLogger } from '@govgraph/kit';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';

/** `npm start`: configuration from the environment, listen, stop cleanly on a signal. */
const log = createLogger('gateway');
try {
  const config = loadGatewayConfig();
  const running = await createGateway(config, { log }).listen();
  log.info({ url: running.graphqlUrl, subgraphs: config.subgraphUrls, nodeEnv: config.nodeEnv }, 'gateway listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  // Config errors name the variable; say it plainly instead of a stack.
  log.fatal({ err: error }, error instanceof Error ? error.message : 'gateway failed to start');
  process.exit(1);
}
