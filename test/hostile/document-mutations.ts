import type { RandomSource } from './random-source.js';

/** Text a mutation may splice into a document: syntax, names, directives, fragments gone wrong. */
const SPLICES = [
  '{', '}', '(', ')', '$', '...', '@', ':', '!', '[', ']', '"', '"""', '#', '\\', ',', '=',
  '__typename', '__schema { types { name } }', '__type(name: "Person") { fields { name } }',
  '@skip(if: true)', '@include(if: $nope)', '@deprecated', '@defer', '@stream(initialCount: 1)', '@unknownDirective',
  '... on Person { name }', '... on Enterprise { creditCode }', '...Missing', 'fragment F on Query { ...F }',
  'fragment G on Applicant { ... on Person { idNumberMasked } }', 'subscription { me { id } }',
  'me { id displayName }', 'nosuchfield', 'id(id: 1)', '_entities(representations: [{__typename: "Person", id: "P-000001"}]) { __typename }',
  '_service { sdl }', 'a: __typename b: __typename', '$v: String', 'query Q($x: Int = "x") { __typename }',
  '\u0000', '\ufeff', '\u2028', '驾驶证', '𠀀', '9'.repeat(400), '-0.0e-', '0x1F',
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
