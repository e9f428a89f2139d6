import { DATA_ACCESS_STREAM } from './data-access-event.js';

/**
 * What a publisher may say on a shared stream beyond being allowed to publish there. Licences and
 * applications both report reads on `data-access`, but each only of its own data: a read
 * reported by licences names `licences.*` fields only, so a compromised department cannot write
 * another department's reads into a person's log.
 */
type ScopeCheck = (publisher: string, payload: unknown) => boolean;

const SCOPES: Readonly<Record<string, ScopeCheck>> = {
  [DATA_ACCESS_STREAM]: (publisher, payload) => {
    const fields = (payload as { fields?: unknown } | null)?.fields;
    return (
      Array.isArray(fields) && fields.length > 0 && fields.every((field) => typeof field === 'string' && field.startsWith(`${publisher}.`) && field.length > publisher.length + 1)
    );
  },
};

/** True when the payload stays within what its publisher may report on the stream. */
export function withinPublisherScope(stream: string, publisher: string, payload: unknown): boolean {
  const check = Object.hasOwn(SCOPES, stream) ? SCOPES[stream] : undefined;
  return check ? check(publisher, payload) : true;
}
