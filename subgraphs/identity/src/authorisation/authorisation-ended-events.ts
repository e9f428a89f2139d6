import { AUTHORISATION_ENDED_STREAM, type AuthorisationEndedEvent, type EventBus, type Logger } from '@govgraph/kit';

/**
 * Tells the gateways at once that an authorisation ended, so they refuse its tokens within a
 * second. The ending is already committed (authorisation_ended): an event that cannot be
 * published now is not lost to them, since they also read that list at start and every
 * half-minute, and identity refuses the token itself meanwhile.
 */
export class AuthorisationEndedEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  async publish(event: AuthorisationEndedEvent): Promise<void> {
    try {
      await this.bus.publish(AUTHORISATION_ENDED_STREAM, event);
      this.log.info({ authorisationId: event.authorisationId, enterpriseId: event.enterpriseId, reason: event.reason }, 'authorisation ended: announced');
    } catch (error) {
      this.log.warn({ err: error, authorisationId: event.authorisationId }, 'authorisation ended, but the event could not be published; gateways learn it from the list');
    }
  }
}
