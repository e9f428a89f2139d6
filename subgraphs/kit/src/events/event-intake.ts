import type { Logger } from '../logger.js';
import type { TrustStore } from '../trust/trust-store.js';
import type { BusEvent, EventRefusalCounter } from './event-bus.js';
import type { HandledEvents } from './handled-events.js';
import { verifyEvent, type EventRefusalReason } from './verify-event.js';

export interface StoredEvent {
  stream: string;
  group: string;
  /** The transport's id of the entry (Redis stream id, file bus sequence). */
  entryId: string;
  /** The stored envelope text; undefined when the entry has none (written around the bus). */
  text: string | undefined;
}

/** handled: the handler ran; duplicate: this entry was handled before; refused: never applied. */
export type IntakeOutcome = 'handled' | 'duplicate' | 'refused';

/**
 * The consumer side shared by both buses: verifies a stored event, refuses a replay, runs the
 * handler and remembers the id. Resolves when the entry may be acknowledged (refused ones too, so
 * a forged entry is not retried forever); throws when the handler failed, so it comes again.
 */
export class EventIntake {
  constructor(private readonly options: { trust: TrustStore; handled: HandledEvents; log: Logger; eventsRefused: EventRefusalCounter; now: () => number }) {}

  async receive(stored: StoredEvent, handle: (event: BusEvent) => Promise<void>): Promise<IntakeOutcome> {
    const { stream, group, entryId } = stored;
    const checked = verifyEvent(this.options.trust, stream, stored.text, this.options.now());
    if (!checked.ok) return this.refuse(stored, checked.reason, checked.publisher, checked.id);
    const { event } = checked;
    const handledFrom = await this.options.handled.handledFrom(group, stream, event.id);
    if (handledFrom === entryId) return 'duplicate';
    if (handledFrom !== null) return this.refuse(stored, 'replayed', event.publisher, event.id);
    await handle(event);
    await this.options.handled.markHandled(group, stream, event.id, entryId);
    return 'handled';
  }

  private refuse(stored: StoredEvent, reason: EventRefusalReason, publisher: string | null, eventId: string | null): 'refused' {
    this.options.eventsRefused.inc({ stream: stored.stream, reason });
    // Ids and names only: the payload may carry personal data and is never logged.
    this.options.log.warn({ stream: stored.stream, group: stored.group, publisher, reason, entry: stored.entryId, eventId }, 'refused an event: not applied');
    return 'refused';
  }
}
