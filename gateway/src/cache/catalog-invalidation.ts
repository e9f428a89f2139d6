import { randomBytes } from 'node:crypto';
import { CATALOG_CHANGED_STREAM, type CatalogChangedEvent, type EventBus, type Logger } from '@govgraph/kit';
import type { ResponseCacheStore } from './response-cache-store.js';

/**
 * The consumer group the gateway reads `catalog-changed` in. With Redis the cache is shared, so
 * one gateway handling each event is enough: they share one group. In memory, every gateway
 * process has a cache of its own and must see every event: each takes a group of its own.
 */
export function invalidationGroup(store: ResponseCacheStore): string {
  return store.kind === 'redis' ? 'gateway-response-cache' : `gateway-response-cache-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Drops every cached answer read from the catalog when the catalog reports a change. */
export function invalidateOnCatalogChanges(bus: EventBus, store: ResponseCacheStore, log: Logger): void {
  bus.subscribe(CATALOG_CHANGED_STREAM, invalidationGroup(store), async (event) => {
    const payload = event.payload as Partial<CatalogChangedEvent> | null;
    // A new consumer group reads the stream from its start: what happened before the cache
    // held anything (e.g. the catalog's own start) changes nothing in it.
    const at = Date.parse(payload?.at ?? '');
    if (Number.isFinite(at) && at < (await store.since())) return;
    // Thrown (Redis down): not acknowledged, so it comes again.
    await store.invalidate(['catalog']);
    log.info({ event: event.id, reason: payload?.reason, scale: payload?.scale }, 'catalog changed: its cached answers are dropped');
  });
}
