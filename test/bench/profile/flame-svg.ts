import type { Category } from './categories.js';
import { CATEGORIES, categorise } from './categories.js';
import type { CallFrame, SampledStack } from './cpu-profile.js';

/**
 * A static flame graph (SVG, no script) of sampled stacks: root at the bottom, each frame as wide
 * as its share of the samples (itself and its callees), coloured by the bucket of the breakdown table.
 * Frames under 0.1 % of the width are merged away. The libraries of the field render flame graphs
 * in a browser (0x, speedscope, d3-flame-graph); a file the docs can show needs none.
 */

interface Frame {
  name: string;
  samples: number;
  category: Category;
  children: Map<string, Frame>;
}

const WIDTH = 1200;
const ROW = 16;
const PALETTE = [
  '#e45756',
  '#f58518',
  '#eeca3b',
  '#54a24b',
  '#4c78a8',
  '#72b7b2',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
  '#d67195',
  '#79706e',
  '#8cd17d',
  '#b6992d',
  '#499894',
  '#86bcb6',
  '#cccccc',
  '#a0cbe8',
];

function label(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\/.*?\/(node_modules|subgraphs|gateway)\//, '$1/').replace(/^.*\/node_modules\//, '');
  const name = frame.functionName || '(anonymous)';
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

function fold(stacks: SampledStack[]): Frame {
  const root: Frame = { name: 'all', samples: 0, category: 'V8 and Node (other)', children: new Map() };
  for (const stack of stacks) {
    root.samples += 1;
    let at = root;
    for (let depth = 0; depth < stack.frames.length; depth++) {
      const name = label(stack.frames[depth]!);
      let child = at.children.get(name);
      if (!child) {
        child = { name, samples: 0, category: categorise(stack.frames.slice(0, depth + 1)), children: new Map() };
        at.children.set(name, child);
      }
      child.samples += 1;
      at = child;
    }
  }
  return root;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function flameGraphSvg(title: string, stacks: SampledStack[]): string {
  const root = fold(stacks);
  const total = Math.max(root.samples, 1);
  const minSamples = total / 1000;
  const rects: Array<{ x: number; depth: number; width: number; frame: Frame }> = [];
  let maxDepth = 0;
  const draw = (frame: Frame, x: number, depth: number) => {
    maxDepth = Math.max(maxDepth, depth);
    const width = (frame.samples / total) * WIDTH;
    rects.push({ x, depth, width, frame });
    let childX = x;
    for (const child of [...frame.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      if (child.samples < minSamples) continue;
      draw(child, childX, depth + 1);
      childX += (child.samples / total) * WIDTH;
    }
  };
  draw(root, 0, 0);
  const legendRows = Math.ceil(CATEGORIES.length / 3);
  const graphTop = 30;
  const height = graphTop + (maxDepth + 1) * ROW + 20 + legendRows * ROW + 10;
  const body = rects.map(({ x, depth, width, frame }) => {
    const y = graphTop + (maxDepth - depth) * ROW;
    const share = ((frame.samples / total) * 100).toFixed(2);
    const colour = PALETTE[CATEGORIES.indexOf(frame.category)] ?? '#cccccc';
    const text = width > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escapeXml(frame.name.slice(0, Math.floor(width / 6.5)))}</text>` : '';
    return `<g><title>${escapeXml(frame.name)} — ${share} % (${frame.category})</title><rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(width - 0.5, 0.3).toFixed(1)}" height="${ROW - 1}" fill="${colour}"/>${text}</g>`;
  });
  const legendTop = graphTop + (maxDepth + 1) * ROW + 20;
  const legend = CATEGORIES.map((category, i) => {
    const x = (i % 3) * 400;
    const y = legendTop + Math.floor(i / 3) * ROW;
    return `<rect x="${x}" y="${y}" width="12" height="12" fill="${PALETTE[i]}"/><text x="${x + 16}" y="${y + 11}">${escapeXml(category)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="0" y="18" font-size="14">${escapeXml(title)}</text>`,
    ...body,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
