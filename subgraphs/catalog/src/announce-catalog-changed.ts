import { CATALOG_CHANGED_STREAM, type CatalogChangedEvent, type EventBus, type Logger } from '@govgraph/kit';

/**
 * Publishes `catalog-changed`, so gateways drop the catalog answers they cached. The change is
 * already committed: a failed report is logged (cached answers then live out their TTL).
 */
export async function announceCatalogChanged(bus: EventBus, event: Omit<CatalogChangedEvent, 'at'>, log: Logger): Promise<void> {
  const payload: CatalogChangedEvent = { ...event, at: new Date().toISOString() };
  try {
    await bus.publish(CATALOG_CHANGED_STREAM, payload);
  } catch (error) {
    log.warn({ err: error, reason: event.reason }, 'could not announce the catalog change');
  }
}
