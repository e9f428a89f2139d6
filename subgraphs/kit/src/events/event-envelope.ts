import { randomBytes } from 'node:crypto';
import type { PartyKeys } from '../trust/party-keys.js';
import { withinPublisherScope } from './payload-scope.js';
import { mayPublish } from './stream-publishers.js';

/**
 * What the bus stores for one event: the payload wrapped with who published it, on which stream,
 * a unique id and when, all signed by the publisher's own key. Stored as one JSON text (a field
 * of the Redis stream entry, a column of the file bus), so both buses carry the same bytes.
 */
export interface EventEnvelope {
  v: 1;
  publisher: string;
  stream: string;
  /** 128 random bits, base64url: what consumers remember to refuse a replay. */
  id: string;
  /** When it was published (ISO 8601, UTC, milliseconds). */
  at: string;
  /** The payload as JSON text: the signature covers these exact bytes, the consumer parses them. */
  payload: string;
  /** `<kid>.<signature>` by the publisher's key over eventSigningText. */
  sig: string;
}

/** Domain-separated, one field a line (none of the fields before the payload can hold a newline). */
export function eventSigningText(envelope: Omit<EventEnvelope, 'v' | 'sig'>): string {
  return ['govgraph-event-v1', envelope.publisher, envelope.stream, envelope.id, envelope.at, envelope.payload].join('\n');
}

export function newEventId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Wraps and signs a payload as the party holding keys. A party publishing on a stream it may not
 * publish, or beyond its scope there, is a programming error: it throws here rather than sending
 * what every consumer refuses.
 */
export function sealEvent(keys: PartyKeys, stream: string, payload: unknown, now: Date = new Date()): { envelope: EventEnvelope; text: string } {
  if (!mayPublish(keys.party, stream)) throw new Error(`${keys.party} may not publish on ${stream} (events/stream-publishers.ts)`);
  if (!withinPublisherScope(stream, keys.party, payload)) throw new Error(`${keys.party} may not publish this on ${stream} (events/payload-scope.ts)`);
  const unsigned = { publisher: keys.party, stream, id: newEventId(), at: now.toISOString(), payload: JSON.stringify(payload) ?? 'null' };
  const envelope: EventEnvelope = { v: 1, ...unsigned, sig: keys.signCompact(eventSigningText(unsigned)) };
  return { envelope, text: JSON.stringify(envelope) };
}

const PARTY = /^[a-z][a-z0-9-]{0,62}$/;
const STREAM = /^[a-z][a-z0-9-]{0,62}$/;
const EVENT_ID = /^[A-Za-z0-9_-]{22}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export type EnvelopeReading = { ok: true; envelope: EventEnvelope } | { ok: false; reason: 'unsigned' | 'malformed'; publisher: string | null; id: string | null };

/** Reads stored text as an envelope, checking only its form (not yet its signature). */
export function readEnvelope(text: string | undefined): EnvelopeReading {
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const candidate = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Record<keyof EventEnvelope, unknown>>;
  // Only well-formed values reach a log line: the rest came from whoever wrote the entry.
  const publisher = typeof candidate.publisher === 'string' && PARTY.test(candidate.publisher) ? candidate.publisher : null;
  const id = typeof candidate.id === 'string' && EVENT_ID.test(candidate.id) ? candidate.id : null;
  if (typeof candidate.sig !== 'string' || candidate.sig === '') return { ok: false, reason: 'unsigned', publisher, id };
  const wellFormed =
    candidate.v === 1 &&
    publisher !== null &&
    id !== null &&
    typeof candidate.stream === 'string' &&
    STREAM.test(candidate.stream) &&
    typeof candidate.at === 'string' &&
    ISO_TIME.test(candidate.at) &&
    Number.isFinite(Date.parse(candidate.at)) &&
    typeof candidate.payload === 'string';
  if (!wellFormed) return { ok: false, reason: 'malformed', publisher, id };
  return { ok: true, envelope: candidate as EventEnvelope };
}
