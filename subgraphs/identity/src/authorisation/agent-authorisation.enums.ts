import { registerEnumType } from 'type-graphql';

export enum AgentAuthorisationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  LAPSED = 'LAPSED',
  ENDED = 'ENDED',
}
registerEnumType(AgentAuthorisationStatus, {
  name: 'AgentAuthorisationStatus',
  description:
    'PENDING: waiting for the named person to accept it; ACCEPTED: they did, and may act for the enterprise within its validity; ' +
    'LAPSED: not accepted in time; ENDED: revoked, or replaced by a newer authorisation of the same person.',
});
