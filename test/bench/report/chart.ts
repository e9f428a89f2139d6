import type { Row } from './summarise.js';

/**
 * A horizontal bar chart of req/s (median) per contender, one group per workload, the spread over
 * rounds as a whisker from min to max. Plain SVG text that GitHub renders; each group has its own
 * scale because the workloads differ by an order of magnitude.
 */
const WIDTH = 860;
const LABEL_WIDTH = 270;
const BAR_AREA = 440;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 26;
const COLOURS: Record<string, string> = {
  govgraph: '#2f6fbd',
  'govgraph-2': '#1d4f8f',
  'govgraph-baseline-subgraphs': '#8fb3e0',
  'apollo-stock': '#8a8f98',
  replay: '#5aa469',
  'replay-baseline-subgraphs': '#a8d5a2',
};
const HIVE_COLOUR = '#d98c2b';

function niceStep(max: number): number {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((step) => step >= rough) ?? magnitude * 10;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function barChartSvg(groups: Array<{ title: string; rows: Row[] }>): string {
  const parts: string[] = [];
  let y = 30;
  parts.push(`<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold" font-size="15">Requests per second (median of rounds; whiskers: min–max)</text>`);
  for (const group of groups) {
    const rows = group.rows.filter((r) => !r.excluded && r.rounds > 0);
    y += 24;
    parts.push(`<text x="10" y="${y}" font-weight="bold" font-size="14">${escapeXml(group.title)}</text>`);
    y += 10;
    if (!rows.length) {
      y += 20;
      parts.push(`<text x="${LABEL_WIDTH}" y="${y}" font-size="12">no measurements</text>`);
      continue;
    }
    const top = Math.max(...rows.map((r) => r.maxPerSecond)) * 1.08 || 1;
    const step = niceStep(top);
    const scale = (v: number) => LABEL_WIDTH + (v / (Math.ceil(top / step) * step)) * BAR_AREA;
    const groupTop = y;
    const bars: string[] = [];
    for (const r of rows) {
      const barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      const colour = COLOURS[r.id] ?? (r.id.startsWith('hive') ? HIVE_COLOUR : '#7b5ea7');
      const mid = barY + BAR_HEIGHT / 2;
      bars.push(`<text x="${LABEL_WIDTH - 8}" y="${mid + 4}" text-anchor="end" font-size="12">${escapeXml(r.label)}</text>`);
      bars.push(`<rect x="${LABEL_WIDTH}" y="${barY}" width="${(scale(r.medianPerSecond) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}"/>`);
      bars.push(`<line x1="${scale(r.minPerSecond).toFixed(1)}" x2="${scale(r.maxPerSecond).toFixed(1)}" y1="${mid}" y2="${mid}" stroke="#222" stroke-width="1.5"/>`);
      for (const v of [r.minPerSecond, r.maxPerSecond])
        bars.push(`<line x1="${scale(v).toFixed(1)}" x2="${scale(v).toFixed(1)}" y1="${mid - 5}" y2="${mid + 5}" stroke="#222" stroke-width="1.5"/>`);
      const ratio = r.ratioToApollo !== null && r.id !== 'apollo-stock' ? `  (${r.ratioToApollo.toFixed(2)}× Apollo)` : '';
      bars.push(`<text x="${(scale(r.maxPerSecond) + 8).toFixed(1)}" y="${mid + 4}" font-size="12">${r.medianPerSecond.toFixed(0)}${ratio}</text>`);
      y += ROW_HEIGHT;
    }
    // Gridlines first, so they sit behind the bars; the axis labels under the group.
    const axisMax = Math.ceil(top / step) * step;
    const ticks: number[] = [];
    for (let v = 0; v <= axisMax + step / 2; v += step) ticks.push(v);
    for (const v of ticks) parts.push(`<line x1="${scale(v).toFixed(1)}" x2="${scale(v).toFixed(1)}" y1="${groupTop}" y2="${y}" stroke="#e3e3e3"/>`);
    parts.push(...bars);
    for (const v of ticks)
      parts.push(`<text x="${scale(v).toFixed(1)}" y="${y + 14}" text-anchor="middle" font-size="11" fill="#555">${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}</text>`);
    y += 22;
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
