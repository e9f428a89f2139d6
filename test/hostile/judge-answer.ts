import { DEMO_PERSONS } from '@govgraph/identity';
import type { Answer } from './send-input.js';
import type { HostileInput, Role } from './hostile-input.js';

export type Finding = 'serverError' | 'internalError' | 'dropped' | 'missingCode' | 'stackTrace' | 'leak';

/**
 * What must never show in an answer: stack frames, file paths, internal class and driver names.
 * Written so that a GraphQL message quoting the (hostile) input cannot match by accident.
 */
const STACK_TRACE = [
  /\bat [\w$.<>[\] ]+ \((file:|node:|\/|<anonymous>)/, // "at fn (/path…" — a V8 frame
  /\bat (file:\/\/|node:|\/)/, // "at /path/x.js:1:2" or "at node:internal…"
  /\/work\/|\/home\/|\/tmp\/|node_modules|\.(ts|js|mjs|cjs):\d+/,
  /"stacktrace"|"exception"/,
  /\b(TypeError|ReferenceError|RangeError|SqliteError|DatabaseError|KyselyError|ERR_[A-Z_]{4,}|ECONNREFUSED|ECONNRESET|Cannot read propert|is not a function|undefined is not)\b/,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const privateOf = (ids: string[], withNames = true) =>
  DEMO_PERSONS.filter((p) => ids.includes(p.id)).flatMap((p) => [...(withNames ? [p.name] : []), p.idNumber, p.mobile, p.addressDetail].map(escapeRegExp));

function personPatterns(ids: string[]): RegExp | null {
  const words = privateOf(ids);
  return words.length > 0 ? new RegExp(words.join('|')) : null;
}

/** Other citizens entirely; of the officers all but the name, which a citizen's data-access log shows. */
const forCitizen = (others: string[], extra: string[] = []) => new RegExp([...privateOf(others), ...privateOf(['P-000004', 'P-000005'], false), ...extra].join('|'));

/**
 * Whose personal data each caller must never receive, whatever they send. Officers may meet
 * citizens through their department's cases, so for them only the other officer counts; a
 * citizen's data-access log names the officer who read their data; the enterprise agent sees its
 * legal representative's name, but not his ID number or mobile.
 */
const FORBIDDEN: Record<Role, RegExp | null> = {
  anonymous: personPatterns(DEMO_PERSONS.map((p) => p.id)),
  zhangsan: forCitizen(['P-000002', 'P-000003']),
  lisi: forCitizen(['P-000001', 'P-000003']),
  agent: forCitizen(['P-000001'], ['440305197806150051', '13700137000']),
  police: personPatterns(['P-000005']),
  market: personPatterns(['P-000004']),
};

/** Bad tokens stand for nobody: they must get what anonymous gets at most. */
function callerOf(input: HostileInput): Role {
  if (input.target !== 'gateway' && input.signature !== 'valid') return 'anonymous';
  return (FORBIDDEN as Record<string, unknown>)[input.auth] !== undefined ? (input.auth as Role) : 'anonymous';
}

/** Every finding in one answer; an empty list is a pass. */
export function judgeAnswer(input: HostileInput, answer: Answer): Finding[] {
  const findings: Finding[] = [];
  if (answer.dropped !== undefined || answer.status === null) return ['dropped'];
  if (answer.status >= 500) findings.push('serverError');
  // A bad input is the client's mistake: INTERNAL_SERVER_ERROR, even in a 200, means it surprised us.
  else if (/"code":"INTERNAL_SERVER_ERROR"/.test(answer.body)) findings.push('internalError');
  if (STACK_TRACE.some((pattern) => pattern.test(answer.body))) findings.push('stackTrace');
  // Data travels as JSON; the playground's page (HTML, the demo accounts' names on its sign-in
  // buttons) is the same public page for everybody.
  const forbidden = FORBIDDEN[callerOf(input)];
  if (forbidden && isJson(answer) && forbidden.test(answer.body)) findings.push('leak');
  if (!everyErrorHasCode(answer)) findings.push('missingCode');
  return findings;
}

/**
 * A refusal (4xx/5xx) must be a GraphQL error with `extensions.code`; so must every error of a
 * successful answer. Successful non-JSON answers (a downloaded document) have no errors to check.
 */
function everyErrorHasCode(answer: Answer): boolean {
  let parsed: unknown;
  try {
    parsed = isJson(answer) ? JSON.parse(answer.body) : undefined;
  } catch {
    parsed = undefined;
  }
  const errors = (parsed as { errors?: unknown } | undefined)?.errors;
  if (answer.status! >= 400) {
    if (!Array.isArray(errors) || errors.length === 0) return false;
  }
  if (errors === undefined) return true;
  if (!Array.isArray(errors)) return false;
  return errors.every((error) => typeof (error as { extensions?: { code?: unknown } })?.extensions?.code === 'string');
}

function isJson(answer: Answer): boolean {
  return String(answer.headers['content-type'] ?? '').includes('json');
}
