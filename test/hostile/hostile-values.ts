import { creditCodeCheckCharacter, CREDIT_CODE_CHARACTERS, residentIdCheckCharacter } from '@govgraph/kit';
import type { RandomSource } from './random-source.js';

/**
 * Values nobody should send: wrong types, huge and control-laden strings, identifiers whose
 * check character is wrong. Never a demo person's real name or ID number, so that an error
 * message echoing the input cannot look like a leak.
 */

/** A resident ID number of a made-up person with any check character but the right one. */
export function residentIdWithWrongCheck(random: RandomSource): string {
  const first17 = `4403${random.int(1, 9).toString().padStart(2, '0')}${random.int(1950, 2010)}${random.int(1, 12).toString().padStart(2, '0')}${random.int(1, 28).toString().padStart(2, '0')}${random.int(100, 999)}`;
  const right = residentIdCheckCharacter(first17);
  const wrong = '0123456789X'.split('').filter((c) => c !== right);
  return first17 + random.pick(wrong);
}

/** A unified social credit code (GB 32100) with a wrong check character. */
export function creditCodeWithWrongCheck(random: RandomSource): string {
  let first17 = '91440300';
  while (first17.length < 17) first17 += random.pick(CREDIT_CODE_CHARACTERS.split(''));
  const right = creditCodeCheckCharacter(first17);
  return first17 + random.pick(CREDIT_CODE_CHARACTERS.split('').filter((c) => c !== right));
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u001b[31m', '\r\n', '\u2028', '\u202e', '\ufeff', '\ud800', '\udfff'];
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally.
  '${jndi:ldap://127.0.0.1/x}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '%00',
  '\\u0000',
  '__proto__',
  'constructor',
  'P-000001\u0000',
  'E-000001 OR 1=1',
  '1.2.156.3005.2.x',
];

/** Up to 600,000 characters (1.8 MB in UTF-8): on both sides of the gateway's 1 MiB body limit. */
export function hugeString(random: RandomSource, maxLength = Infinity): string {
  const size = Math.min(maxLength, random.pick([1_000, 10_000, 100_000, 600_000]));
  return random.pick(['x', '驾', '\u0000', '𠀀', 'A\u0301']).repeat(size).slice(0, size);
}

/** One hostile string, at most `maxLength` long where it is a long one. */
export function hostileString(random: RandomSource, maxLength = Infinity): string {
  switch (random.int(0, 9)) {
    case 0:
      return hugeString(random, maxLength);
    case 1:
      return random.pick(CONTROL).repeat(random.int(1, 40));
    case 2:
      return random.pick(INJECTIONS);
    case 3:
      return residentIdWithWrongCheck(random);
    case 4:
      return creditCodeWithWrongCheck(random);
    case 5:
      return '';
    case 6:
      return ' '.repeat(random.int(1, 50));
    case 7:
      return `P-${'9'.repeat(random.int(1, 40))}`;
    case 8:
      return Array.from({ length: random.int(1, 30) }, () => String.fromCharCode(random.int(0, 0xffff))).join('');
    default:
      return random.pick(['AP-2026-00000001', 'D-0000000000000000', 'JJ-0101', 'SPJYXKZ', 'E-000001', 'P-000002', '-1', '1e309', 'null', 'true']);
  }
}

/** Any JSON value, of any type, for a variable or an argument that expects something else. */
export function hostileValue(random: RandomSource, depth = 0): unknown {
  switch (random.int(0, depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random.pick([0, -1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1.5, 1e308, -0]);
    case 2:
      return random.chance(0.5);
    case 3:
    case 4:
    case 5:
    case 6:
      return hostileString(random);
    case 7: {
      // Long lists hold short strings only, so that nesting cannot multiply sizes.
      const length = random.pick([0, 1, 3, 1000]);
      return Array.from({ length }, () => (length > 3 || random.chance(0.5) ? hostileString(random, 50) : hostileValue(random, depth + 1)));
    }
    case 8: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(0, 5); i > 0; i--)
        object[random.pick(['id', 'key', 'value', '__typename', '__proto__', 'input', 'x', hostileString(random, 20)])] = hostileValue(random, depth + 1);
      return object;
    }
    default: {
      // Deeply nested arrays: JSON parsers and coercion recurse.
      let nested: unknown = 'deep';
      for (let i = random.pick([10, 100, 1000]); i > 0; i--) nested = [nested];
      return nested;
    }
  }
}

/** Replaces some leaves of a valid value with hostile ones, keeping the rest of its shape. */
export function mutateValue(random: RandomSource, value: unknown): unknown {
  if (random.chance(0.25)) return hostileValue(random);
  if (Array.isArray(value)) return value.map((item) => mutateValue(random, item));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (random.chance(0.1)) continue;
      out[key] = mutateValue(random, item);
    }
    if (random.chance(0.1)) out[random.pick(['extra', 'id', '__typename'])] = hostileValue(random);
    return out;
  }
  return random.chance(0.4) ? hostileValue(random) : value;
}
