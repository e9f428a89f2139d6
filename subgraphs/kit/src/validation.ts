import { BadUserInputError } from './errors.js';

export interface TextRule {
  /** Longest accepted length, in characters. */
  max: number;
  min?: number;
  pattern?: RegExp;
  /** Said in the error when the pattern fails, e.g. "letters, digits and dashes". */
  patternHint?: string;
}

/** Validates a text input and names the field in the error, without echoing huge inputs. */
export function checkText(value: string, field: string, rule: TextRule): string {
  if ([...value].length > rule.max) {
    throw new BadUserInputError(`${field} is longer than ${rule.max} characters`, field);
  }
  if (value.length < (rule.min ?? 0)) {
    throw new BadUserInputError(`${field} must have at least ${rule.min} characters`, field);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new BadUserInputError(`${field} must be ${rule.patternHint ?? `in the form ${rule.pattern}`}`, field);
  }
  return value;
}

/** Matter codes: basic codes and implementation codes are short upper-case alphanumerics. */
export const MATTER_CODE_RULE: TextRule = {
  max: 64,
  min: 1,
  pattern: /^[0-9A-Za-z][0-9A-Za-z_-]*$/,
  patternHint: 'letters, digits, "-" and "_"',
};

export function checkPageSize(first: number | null | undefined, field = 'first', max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new BadUserInputError(`${field} must be between 0 and ${max}`, field);
  }
  return size;
}
