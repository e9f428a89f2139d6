import { subgraphConfig } from './config.js';
import { createLogger } from './logger.js';
import { startService, type SubgraphService } from './service.js';
import { loadSharedSecret } from './trust/shared-secret.js';

/** The body of a subgraph's `src/index.ts`: start from the environment, stop on a signal. */
export async function runServiceMain<Schema>(service: SubgraphService<Schema>): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const config = subgraphConfig(service.name);
  const log = createLogger(service.name);
  const secret = loadSharedSecret(config.dataDir);
  const { running } = await startService(service, config, { secret, log });
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
}
