import { randomBytes } from 'node:crypto';
import { AUTHORISATION_ENDED_STREAM, type AuthorisationEndedEvent, type EventRefusalCounter, type Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import { joinEventBus, type JoinedEventBus } from '../events/join-event-bus.js';
import type { EndedAuthorisations } from './ended-authorisations.js';
import { fetchEndedAuthorisations } from './fetch-ended-authorisations.js';

/** Until the list was read once (identity not up yet), it is asked for this often. */
const RETRY_MS = 500;
const FETCH_TIMEOUT_MS = 3_000;

export interface EndedAuthorisationsFeed {
  /** Subscribes to the events and reads identity's list once (waiting at most a few seconds). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps `ended` current. Events on `authorisation-ended`, signed by identity (the only publisher
 * the kit allows there), arrive within a second of a revocation; identity's signed list, read at
 * start, while identity is not yet answering and every half-minute after (configurable), covers a gateway started
 * after the revocation and an event that was never published. Each gateway process reads the
 * stream in a group of its own: its memory is its own.
 */
export function followEndedAuthorisations(
  config: Pick<GatewayConfig, 'redisUrl' | 'redisPrefix' | 'dataDir' | 'party' | 'endedAuthorisationsRefreshMs'>,
  deps: { ended: EndedAuthorisations; identityUrl: () => string | undefined; log: Logger; eventsRefused: EventRefusalCounter },
): EndedAuthorisationsFeed {
  const log = deps.log.child({ component: 'ended-authorisations' });
  let joined: JoinedEventBus | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let failing = false;

  const refresh = async (): Promise<void> => {
    const url = deps.identityUrl();
    try {
      if (!url) throw new Error('no URL for identity');
      deps.ended.addList(await fetchEndedAuthorisations(url, config.party.keys, FETCH_TIMEOUT_MS));
      if (failing) log.info('ended authorisations read from identity again');
      failing = false;
    } catch (error) {
      // Logged once per outage, not every attempt.
      if (!failing)
        log.warn(
          { err: error },
          deps.ended.known
            ? 'cannot read ended authorisations from identity; events still arrive'
            : 'cannot read ended authorisations from identity: agents acting for enterprises are refused until it answers',
        );
      failing = true;
    }
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void refresh().then(schedule), deps.ended.known ? config.endedAuthorisationsRefreshMs : RETRY_MS);
    timer.unref();
  };

  return {
    async start() {
      if (joined) return;
      const group = `gateway-authorisations-${process.pid}-${randomBytes(3).toString('hex')}`;
      joined = joinEventBus(config, { log, eventsRefused: deps.eventsRefused }, (bus) =>
        bus.subscribe(AUTHORISATION_ENDED_STREAM, group, async (event) => {
          const ended = event.payload as Partial<AuthorisationEndedEvent> | null;
          if (typeof ended?.authorisationId !== 'string') return;
          deps.ended.add(ended.authorisationId, typeof ended.endedAt === 'string' ? ended.endedAt : event.at);
          log.info({ authorisationId: ended.authorisationId, enterpriseId: ended.enterpriseId, reason: ended.reason }, 'authorisation ended: its tokens are refused');
        }),
      );
      await refresh();
      schedule();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await joined?.close();
      joined = undefined;
    },
  };
}
