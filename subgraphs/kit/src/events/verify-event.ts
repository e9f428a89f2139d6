import type { TrustStore } from '../trust/trust-store.js';
import type { BusEvent } from './event-bus.js';
import { eventSigningText, readEnvelope } from './event-envelope.js';
import { EVENT_CLOCK_SKEW_MS, EVENT_MAX_AGE_MS } from './event-retention.js';
import { withinPublisherScope } from './payload-scope.js';
import { mayPublish } from './stream-publishers.js';

/** Why an event was refused: a bounded set, used as a metric label. */
export type EventRefusalReason =
  | 'unsigned'
  | 'malformed'
  | 'wrong-stream'
  | 'publisher-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'future-dated'
  | 'out-of-scope'
  | 'replayed';

export type EventCheck =
  | { ok: true; event: BusEvent }
  | { ok: false; reason: EventRefusalReason /** as claimed by the entry, when well-formed */; publisher: string | null; id: string | null };

/**
 * Everything about one stored event that needs no memory of earlier ones: its form, that it was
 * meant for this stream, that its publisher may publish here, the signature under that
 * publisher's public key, its age, and that its content stays within the publisher's scope.
 * (The replay check needs the consumer group's memory: event-intake.ts.)
 */
export function verifyEvent(trust: TrustStore, stream: string, text: string | undefined, now: number): EventCheck {
  const read = readEnvelope(text);
  if (!read.ok) return read;
  const { envelope } = read;
  const refuse = (reason: EventRefusalReason): EventCheck => ({ ok: false, reason, publisher: envelope.publisher, id: envelope.id });
  // A genuine event copied onto another stream keeps its signed stream name: refused here.
  if (envelope.stream !== stream) return refuse('wrong-stream');
  if (!mayPublish(envelope.publisher, stream)) return refuse('publisher-not-allowed');
  const signature = trust.verify(envelope.publisher, envelope.sig, eventSigningText(envelope));
  if (!signature.ok) return refuse(signature.reason === 'unknown-key' ? 'unknown-key' : signature.reason === 'bad-signature' ? 'bad-signature' : 'malformed');
  const at = Date.parse(envelope.at);
  if (now - at > EVENT_MAX_AGE_MS) return refuse('expired');
  if (at - now > EVENT_CLOCK_SKEW_MS) return refuse('future-dated');
  let payload: unknown;
  try {
    payload = JSON.parse(envelope.payload);
  } catch {
    return refuse('malformed');
  }
  if (!withinPublisherScope(stream, envelope.publisher, payload)) return refuse('out-of-scope');
  return { ok: true, event: { id: envelope.id, stream, publisher: envelope.publisher, at: envelope.at, payload } };
}
