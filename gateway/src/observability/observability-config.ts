import { loadTracingSettings as loadKitTracingSettings, type TracingSettings } from '@govgraph/kit';
import { readOnOff } from '../on-off-setting.js';

export type { TracingSettings };

/** The response cache's settings (GATEWAY_RESPONSE_CACHE, GATEWAY_RESPONSE_CACHE_MEMORY_MB). */
export interface ResponseCacheSettings {
  enabled: boolean;
  /** Budget of the in-memory store (without Redis). */
  memoryMaxBytes: number;
}

export function loadResponseCacheSettings(env: NodeJS.ProcessEnv): ResponseCacheSettings {
  const enabled = readOnOff(env, 'GATEWAY_RESPONSE_CACHE', true);
  const mbRaw = env.GATEWAY_RESPONSE_CACHE_MEMORY_MB;
  const mb = mbRaw === undefined || mbRaw === '' ? 64 : Number(mbRaw);
  if (!Number.isSafeInteger(mb) || mb <= 0) {
    throw new Error(`GATEWAY_RESPONSE_CACHE_MEMORY_MB must be a positive integer, got ${JSON.stringify(mbRaw)}`);
  }
  return { enabled, memoryMaxBytes: mb * 1024 * 1024 };
}

/**
 * The gateway's OpenTelemetry settings (the kit reads the variables, tracing/tracing-settings.ts):
 * null — no SDK loaded, no span, nothing sent — without OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SERVICE_NAME names it (govgraph-gateway).
 */
export function loadTracingSettings(env: NodeJS.ProcessEnv): TracingSettings | null {
  return loadKitTracingSettings(env, 'govgraph-gateway', 'OTEL_SERVICE_NAME');
}
