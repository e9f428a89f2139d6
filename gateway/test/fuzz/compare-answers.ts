import type { GatewayExecutionResult } from '@apollo/server-gateway-interface';
import { isKnownDifference } from './known-differences.js';

/** An executor's answer reduced to what is compared: data as JSON (key order included), errors as a sorted multiset. */
export interface Answer {
  data: string;
  /** Each error's message, path and extensions.code, as JSON, sorted. */
  errors: string[];
  /** Shaping errors reported as extensions.valueCompletion (when the fetches had none). */
  valueCompletion: string[];
}

export function answerOf(result: GatewayExecutionResult): Answer {
  const describe = (error: { message: string; path?: ReadonlyArray<string | number> | undefined; extensions?: Record<string, unknown> | undefined }) =>
    JSON.stringify({ message: error.message, path: error.path ?? null, code: error.extensions?.code ?? null });
  const valueCompletion = (result.extensions?.valueCompletion ?? []) as Array<Parameters<typeof describe>[0]>;
  return {
    data: result.data === undefined ? '(no data)' : JSON.stringify(result.data),
    errors: (result.errors ?? []).map(describe).sort(),
    valueCompletion: valueCompletion.map(describe).sort(),
  };
}

const THREW = '(threw)';

/** An executor that threw instead of answering. */
export function thrownAnswer(error: unknown): Answer {
  return { data: THREW, errors: [JSON.stringify({ thrown: error instanceof Error ? error.message : String(error) })], valueCompletion: [] };
}

/** The engine answered as stock did, known and reported differences (known-differences.ts) aside. */
export function sameAnswer(stock: Answer, engine: Answer): boolean {
  return equivalentAnswer(stock, engine) || isKnownDifference(stock, engine);
}

/**
 * Equal answers, or both executors threw: a throw fails the request as a whole (govgraph's
 * formatError masks it, HTTP 500 either way), and the words of two implementations' JavaScript
 * errors (`value.flatMap is not a function`, `value is not iterable`) are no part of an answer.
 */
export function equivalentAnswer(a: Answer, b: Answer): boolean {
  if (a.data === THREW && b.data === THREW) return true;
  return a.data === b.data && a.errors.join('\n') === b.errors.join('\n') && a.valueCompletion.join('\n') === b.valueCompletion.join('\n');
}

export function printAnswer(answer: Answer): string {
  const lines = [`  data: ${answer.data}`];
  for (const error of answer.errors) lines.push(`  error: ${error}`);
  for (const error of answer.valueCompletion) lines.push(`  valueCompletion: ${error}`);
  return lines.join('\n');
}
