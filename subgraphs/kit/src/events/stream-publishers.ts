import { CASE_DECISION_STREAM, LICENCE_STATUS_STREAM } from './case-events.js';
import { AUTHORISATION_ENDED_STREAM } from './authorisation-events.js';
import { CATALOG_CHANGED_STREAM } from './catalog-events.js';
import { DATA_ACCESS_STREAM } from './data-access-event.js';
import { CASE_SUPERVISION_STREAM } from './supervision-events.js';

/**
 * The one table of who may publish on which stream. A consumer accepts an event only when its
 * signer is listed for the stream, so a department's key cannot speak on another's stream (a
 * forged licence revocation, a fake case decision, an officer read in identity's log).
 */
export const STREAM_PUBLISHERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [LICENCE_STATUS_STREAM]: ['licences'],
  [CASE_DECISION_STREAM]: ['applications'],
  [CATALOG_CHANGED_STREAM]: ['catalog'],
  [DATA_ACCESS_STREAM]: ['licences', 'applications', 'disclosure', 'consultation'],
  [AUTHORISATION_ENDED_STREAM]: ['identity'],
  [CASE_SUPERVISION_STREAM]: ['applications'],
});

export function publishersOf(stream: string): readonly string[] {
  return Object.hasOwn(STREAM_PUBLISHERS, stream) ? STREAM_PUBLISHERS[stream]! : [];
}

export function mayPublish(party: string, stream: string): boolean {
  return publishersOf(stream).includes(party);
}
