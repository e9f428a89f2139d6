/** OpenTelemetry traces, sent over OTLP/HTTP (JSON) only when an endpoint is configured. */
export interface TracingSettings {
  /** e.g. http://collector:4318/v1/traces */
  tracesUrl: string;
  /** The resource's service.name. */
  serviceName: string;
  headers: Readonly<Record<string, string>>;
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
 * (used as it is) or OTEL_EXPORTER_OTLP_ENDPOINT (with /v1/traces appended); OTEL_EXPORTER_OTLP_HEADERS
 * (`key=value,…`, values URL-encoded); OTEL_SDK_DISABLED=true turns it off. Null — no tracing,
 * no exporter, nothing sent — when no endpoint is set. `serviceName` names the service unless
 * `serviceNameVariable` (the gateway's OTEL_SERVICE_NAME) says otherwise: under `npm start` every
 * process shares one environment, so a department always keeps its own name.
 */
export function loadTracingSettings(env: NodeJS.ProcessEnv, serviceName: string, serviceNameVariable?: string): TracingSettings | null {
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
  const named = serviceNameVariable ? env[serviceNameVariable]?.trim() : undefined;
  return { tracesUrl, serviceName: named || serviceName, headers };
}
