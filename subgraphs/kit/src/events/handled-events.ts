/**
 * A consumer group's memory of the event ids it handled, kept HANDLED_ID_TTL_MS (event-retention.ts).
 * With each id the transport entry it arrived in is kept: the same entry coming again (a
 * redelivery after a crash between handling and acknowledging) is not a replay, the same id in
 * another entry is.
 */
export interface HandledEvents {
  /** The entry the event was handled from by this group, or null when it never was. */
  handledFrom(group: string, stream: string, eventId: string): Promise<string | null>;
  /** Called only after the handler succeeded, so a failed one is redelivered and tried again. */
  markHandled(group: string, stream: string, eventId: string, entryId: string): Promise<void>;
}
