/**
 * identity tells whoever honours enterprise-acting tokens (the gateways) that an agent
 * authorisation ended: a token minted under it must stop working at once, not at its expiry.
 */
export const AUTHORISATION_ENDED_STREAM = 'authorisation-ended';

export interface AuthorisationEndedEvent {
  /** The id acting tokens carry in their `authorisation` claim. */
  authorisationId: string;
  enterpriseId: string;
  /** revoked: by the legal representative; replaced: a newer authorisation of the same person took its place. */
  reason: 'revoked' | 'replaced';
  /** When it ended (ISO 8601): tokens issued before then are refused. */
  endedAt: string;
}

/**
 * How long an ended authorisation is remembered by those who refuse its tokens: longer than any
 * token identity issues (an hour), so none minted before the end outlives the memory of it.
 */
export const ENDED_AUTHORISATION_MEMORY_MS = 24 * 60 * 60 * 1000;

/** identity's route, signed by the gateway, listing the authorisations ended within that memory. */
export const ENDED_AUTHORISATIONS_PATH = '/authorisations/ended';

export interface EndedAuthorisationsAnswer {
  ended: Array<{ authorisationId: string; endedAt: string }>;
}
