import type { RandomSource } from './random-source.js';

/** Text a mutation may splice into a document: syntax, names, directives, fragments gone wrong. */
const SPLICES = [
  '{',
  '}',
  '(',
  ')',
  '$',
  '...',
  '@',
  ':',
  '!',
  '[',
  ']',
  '"',
  '"""',
  '#',
  '\\',
  ',',
  '=',
  '__typename',
  '__schema { types { name } }',
  '__type(name: "Person") { fields { name } }',
  '@skip(if: true)',
  '@include(if: $nope)',
  '@deprecated',
  '@defer',
  '@stream(initialCount: 1)',
  '@unknownDirective',
  '... on Person { name }',
  '... on Enterprise { creditCode }',
  '...Missing',
  'fragment F on Query { ...F }',
  'fragment G on Applicant { ... on Person { idNumberMasked } }',
  'subscription { me { id } }',
  'me { id displayName }',
  'nosuchfield',
  'id(id: 1)',
  '_entities(representations: [{__typename: "Person", id: "P-000001"}]) { __typename }',
  '_service { sdl }',
  'a: __typename b: __typename',
  '$v: String',
  'query Q($x: Int = "x") { __typename }',
  '\u0000',
  '\ufeff',
  '\u2028',
  '驾驶证',
  '𠀀',
  '9'.repeat(400),
  '-0.0e-',
  '0x1F',
];

/** One random edit of a document's text: delete, duplicate, splice, swap, truncate. */
export function mutateDocumentText(random: RandomSource, document: string): string {
  const at = random.int(0, document.length);
  switch (random.int(0, 7)) {
    case 0:
      return document.slice(0, at) + document.slice(Math.min(document.length, at + random.int(1, 20)));
    case 1: {
      const end = Math.min(document.length, at + random.int(1, 80));
      return document.slice(0, end) + document.slice(at, end) + document.slice(end);
    }
    case 2:
    case 3:
      return `${document.slice(0, at)} ${random.pick(SPLICES)} ${document.slice(at)}`;
    case 4:
      return document.slice(0, at);
    case 5: {
      const words = document.split(/(\s+)/);
      const i = random.int(0, words.length - 1);
      const j = random.int(0, words.length - 1);
      [words[i], words[j]] = [words[j]!, words[i]!];
      return words.join('');
    }
    case 6:
      // The same selection many times over: tokens, aliases and cost.
      return document.replace(/\{/, `{ ${'__typename '.repeat(random.pick([10, 200, 2000]))}`);
    default:
      return document.replace(/\b(query|mutation)\b/, random.pick(['subscription', 'query', 'mutation', 'fragment', '']));
  }
}

/** A document nested `levels` deep through self-similar fields (`parent`, `children`). */
export function deeplyNested(random: RandomSource): string {
  const levels = random.pick([11, 50, 500, 5000]);
  const field = random.pick(['parent', 'children', 'me', 'x']);
  if (random.chance(0.3)) return `{ ${'a: '.repeat(1)}${'{'.repeat(levels)}${'}'.repeat(levels)} }`;
  return `{ division { ${`${field} { `.repeat(levels)}code${' }'.repeat(levels)} } }`;
}

/** Many aliases of one field, past the gateway's limit or far past it. */
export function manyAliases(random: RandomSource): string {
  const count = random.pick([16, 100, 999]);
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${random.pick(['departments { code }', 'me { id }', 'verifyLicence(id: "x") { genuine }', '__typename'])}`).join(' ')} }`;
}

/**
 * A fragment bomb: a kilobyte or two whose fragments spread the next level twice, so the
 * document names 2^levels paths. Doubled (`...F1 ...F1`), paired (`...F1 ...G1` in both F0 and
 * G0), or through aliased fields (`a: parent { ...F1 } b: parent { ...F1 }`: 2^levels response
 * paths for real).
 */
export function fragmentBomb(random: RandomSource): string {
  const levels = random.pick([20, 30, 60]);
  const shape = random.pick(['doubled', 'paired', 'aliased'] as const);
  const parts: string[] = [];
  if (shape === 'aliased') {
    parts.push('query Bomb { division { ...F0 } }');
    for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Division { a: parent { ...F${i + 1} } b: parent { ...F${i + 1} } }`);
    parts.push(`fragment F${levels} on Division { code }`);
    return parts.join(' ');
  }
  // Every fragment is used: validation refuses an unused one before the measure sees the document.
  parts.push(shape === 'paired' ? 'query Bomb { ...F0 ...G0 }' : 'query Bomb { ...F0 }');
  for (let i = 0; i < levels; i++) {
    parts.push(`fragment F${i} on Query { ...F${i + 1} ...${shape === 'paired' ? 'G' : 'F'}${i + 1} }`);
    if (shape === 'paired') parts.push(`fragment G${i} on Query { ...F${i + 1} ...G${i + 1} }`);
  }
  parts.push(`fragment F${levels} on Query { ${random.pick(['__typename', 'departments { code }'])} }`);
  if (shape === 'paired') parts.push(`fragment G${levels} on Query { __typename }`);
  return parts.join(' ');
}
