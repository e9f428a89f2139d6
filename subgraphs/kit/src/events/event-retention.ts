/**
 * How long an event is accepted, and how long a consumer remembers the ids it handled. An event
 * older than EVENT_MAX_AGE_MS is refused, and ids are kept longer than that (plus the clock skew
 * allowed for a publisher's clock ahead of ours), so any replay of a handled event meets either
 * its remembered id or its age.
 */
export const EVENT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** A publisher's clock may run this far ahead of the consumer's. */
export const EVENT_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const HANDLED_ID_TTL_MS = EVENT_MAX_AGE_MS + 24 * 60 * 60 * 1000;
