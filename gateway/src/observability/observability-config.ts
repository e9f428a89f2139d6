import { readOnOff } from '../on-off-setting.js';

/** The response cache's settings (GATEWAY_RESPONSE_CACHE, GATEWAY_RESPONSE_CACHE_MEMORY_MB). */
export interface ResponseCacheSettings {
  enabled: boolean;
  /** Budget of the in-memory store (without Redis). */
  memoryMaxBytes: number;
}

/** OpenTelemetry traces, sent over OTLP/HTTP (JSON) only when an endpoint is configured. */
export interface TracingSettings {
  /** e.g. http://collector:4318/v1/traces */
  tracesUrl: string;
  serviceName: string;
  headers: Readonly<Record<string, string>>;
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

function httpUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return url;
}

/**
 * The OpenTelemetry variables as the specification names them: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * (used as it is) or OTEL_EXPORTER_OTLP_ENDPOINT (with /v1/traces appended); OTEL_SERVICE_NAME;
 * OTEL_EXPORTER_OTLP_HEADERS (`key=value,…`, values URL-encoded); OTEL_SDK_DISABLED=true turns it
 * off. Null — no tracing, nothing sent — when no endpoint is set.
 */
export function loadTracingSettings(env: NodeJS.ProcessEnv): TracingSettings | null {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return null;
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  let tracesUrl: string;
  if (tracesEndpoint) {
    tracesUrl = httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesEndpoint).toString();
  } else if (endpoint) {
    const base = httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', endpoint);
    base.pathname = `${base.pathname.replace(/\/+$/, '')}/v1/traces`;
    tracesUrl = base.toString();
  } else {
    return null;
  }
  const headers: Record<string, string> = {};
  for (const pair of (env.OTEL_EXPORTER_OTLP_HEADERS ?? '').split(',')) {
    if (!pair.trim()) continue;
    const index = pair.indexOf('=');
    const name = index > 0 ? pair.slice(0, index).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
      throw new Error('OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs separated by commas');
    }
    headers[name.toLowerCase()] = decodeURIComponent(pair.slice(index + 1).trim());
  }
  return { tracesUrl, serviceName: env.OTEL_SERVICE_NAME?.trim() || 'govgraph-gateway', headers };
}
