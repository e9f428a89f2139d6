import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEventBus, type EventBus, type EventRefusalCounter, type Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';

export interface JoinedEventBus {
  close(): Promise<void>;
}

/**
 * Joins the departments' event bus and hands it to `subscribe`: at once with Redis; without it,
 * once DATA_DIR/events.sqlite exists — the departments create that file, and the gateway never
 * makes one where no department writes. The gateway's trust list decides whose events it accepts.
 */
export function joinEventBus(
  config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix' | 'dataDir' | 'party'>,
  deps: { log: Logger; eventsRefused: EventRefusalCounter },
  subscribe: (bus: EventBus) => void,
): JoinedEventBus {
  let bus: EventBus | undefined;
  let waiting: NodeJS.Timeout | undefined;
  const open = () => {
    bus = createEventBus({
      redisUrl: config.redisUrl,
      redisPrefix: config.redisPrefix,
      dataDir: config.dataDir,
      log: deps.log,
      party: config.party,
      eventsRefused: deps.eventsRefused,
    });
    subscribe(bus);
  };
  if (config.redisUrl) {
    open();
  } else {
    const file = join(config.dataDir, 'events.sqlite');
    const attempt = () => {
      if (!existsSync(file)) return;
      clearInterval(waiting);
      waiting = undefined;
      open();
    };
    waiting = setInterval(attempt, 2_000);
    waiting.unref();
    attempt();
  }
  return {
    async close() {
      clearInterval(waiting);
      waiting = undefined;
      await bus?.close();
      bus = undefined;
    },
  };
}
