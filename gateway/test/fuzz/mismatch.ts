import { printAnswer, type Answer } from './compare-answers.js';

/** A document one of the 16 engines answered differently from stock. */
export interface Mismatch {
  zoo: string;
  seed: number;
  engine: string;
  /** The document as generated. */
  query: string;
  variables: Record<string, unknown>;
  /** As shrunk (still differing), with both answers; `alone` false when it needs its group in flight. */
  shrunk: { query: string; variables: Record<string, unknown>; stock: Answer; engine: Answer; alone: boolean };
}

export function printMismatch(mismatch: Mismatch): string {
  return [
    `MISMATCH in zoo ${mismatch.zoo}, seed ${mismatch.seed}, under "${mismatch.engine}"${mismatch.shrunk.alone ? '' : ' (only with the rest of its group in flight)'}`,
    `shrunk document:\n${mismatch.shrunk.query}`,
    `variables: ${JSON.stringify(mismatch.shrunk.variables)}`,
    `stock @apollo/gateway answered:\n${printAnswer(mismatch.shrunk.stock)}`,
    `${mismatch.engine} answered:\n${printAnswer(mismatch.shrunk.engine)}`,
    `original document (seed ${mismatch.seed}):\n${mismatch.query}\nvariables: ${JSON.stringify(mismatch.variables)}`,
  ].join('\n');
}
