import type { ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** Answers GET /metrics in Prometheus' text format. */
export async function sendMetrics(res: ServerResponse, registry: Registry): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
}
