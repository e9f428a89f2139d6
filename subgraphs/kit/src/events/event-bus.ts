import type { PartyCredentials } from '../trust/key-locations.js';

/**
 * How a department tells others what happened, without calling them (docs/design.md): the owner of
 * an event publishes it on a stream; every interested department consumes it in its own group,
 * at least once, in order. Handlers must be idempotent (events carry a unique id).
 *
 * Every event is signed by its publisher (event-envelope.ts) and checked by the consumer before
 * its handler sees it (verify-event.ts, event-intake.ts): an entry that is unsigned, signed by a
 * party that may not publish on the stream, altered, or already handled is refused, counted and
 * logged, and acknowledged so it never comes again.
 */
export interface BusEvent<Payload = unknown> {
  /** The publisher's unique event id (signed): the same on every redelivery. */
  id: string;
  stream: string;
  /** The party whose signature was verified: one allowed to publish on the stream. */
  publisher: string;
  /** When the publisher published it (ISO 8601). */
  at: string;
  payload: Payload;
}

export interface EventBus {
  /** Signs the payload as this bus's party and publishes it; throws when the party may not publish on the stream. */
  publish(stream: string, payload: unknown): Promise<string>;
  /** Delivers every verified event of the stream not yet handled by this group; stops on close(). */
  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void;
  close(): Promise<void>;
}

/** Where refused events are counted: a prom-client counter, or the gateway's own. */
export interface EventRefusalCounter {
  inc(labels: { stream: string; reason: string }): void;
}

/** What every bus needs besides its transport. */
export interface EventBusTrust {
  /** This process's party: its key signs what it publishes, its trust list verifies what it reads. */
  party: PartyCredentials;
  /** Counts refused events (govgraph_events_refused_total{stream,reason}). */
  eventsRefused: EventRefusalCounter;
  /** Milliseconds since the epoch; tests move it to show expiry. */
  now?: () => number;
}
