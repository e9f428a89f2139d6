/** The gateway's /metrics, as text. */
export async function readMetrics(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/metrics`);
  return response.text();
}

/**
 * One sample's value from Prometheus text, 0 when the series is absent. Labels are matched
 * whatever their order: `metricValue(text, 'govgraph_response_cache_lookups_total', { result: 'hit' })`.
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) found[pair[1]!] = pair[2]!;
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}
