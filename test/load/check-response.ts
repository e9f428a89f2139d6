import { isDeepStrictEqual } from 'node:util';

/**
 * Is an answer the expected one? JSON objects compare without regard to key order (gateways
 * order keys differently; GraphQL clients never depend on it); arrays keep their order.
 */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, normalise((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export interface CheckResult {
  ok: boolean;
  /** Where the first difference is, e.g. `data.me.licences[2].id: expected "L-3", got "L-4"`. */
  difference?: string;
}

function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v)?.slice(0, 120));
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const d = firstDifference((expected as any)[key], (actual as any)[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
  }
  return `${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`;
}

/** Compares a parsed answer (or its JSON text) with the expected one. */
export function checkResponse(expected: unknown, actual: unknown): CheckResult {
  let parsed = actual;
  if (typeof actual === 'string') {
    try {
      parsed = JSON.parse(actual);
    } catch {
      return { ok: false, difference: `not JSON: ${actual.slice(0, 120)}` };
    }
  }
  const difference = firstDifference(normalise(expected), normalise(parsed), '');
  return difference ? { ok: false, difference } : { ok: true };
}
