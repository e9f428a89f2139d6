import { subgraphConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadServiceParty, startService, type SubgraphService } from './service.js';
import { stopOnSignals } from './stop-on-signals.js';

/** The body of a subgraph's `src/index.ts`: start from the environment, stop on a signal. */
export async function runServiceMain<Schema>(service: SubgraphService<Schema>): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const log = createLogger(service.name);
  try {
    const config = subgraphConfig(service.name);
    const { running } = await startService(service, config, { party: loadServiceParty(service.name, config), log });
    stopOnSignals(log, running.close);
  } catch (error) {
    // Config and database errors say what is wrong; a plain line beats a stack here.
    log.fatal({ err: error }, error instanceof Error ? error.message : `${service.name} failed to start`);
    process.exit(1);
  }
}
