import { FormFieldType, isCreditCode, personalIdProblem } from '@govgraph/kit';
import type { SnapshotField } from '../prefill/form-snapshot.js';

/** Longest value any field accepts, whatever its rules say. */
export const MAX_FIELD_LENGTH = 2000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters a field value may not hold.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const MOBILE = /^1\d{10}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function typeProblem(field: SnapshotField, value: string): string | null {
  switch (field.type) {
    case FormFieldType.NUMBER:
      return NUMBER.test(value) ? null : 'must be a number';
    case FormFieldType.DATE:
      return isCalendarDate(value) ? null : 'must be a date (YYYY-MM-DD)';
    case FormFieldType.ID_NUMBER: {
      const problem = personalIdProblem('RESIDENT_ID', value);
      return problem ? `is not a resident ID number: it ${problem}` : null;
    }
    case FormFieldType.CREDIT_CODE:
      return isCreditCode(value) ? null : 'is not a unified social credit code (wrong format or check character)';
    case FormFieldType.MOBILE:
      return MOBILE.test(value) ? null : 'must be an 11-digit mobile number starting with 1';
    case FormFieldType.EMAIL:
      return EMAIL.test(value) ? null : 'must be an e-mail address';
    case FormFieldType.CHOICE:
      return field.options?.includes(value) ? null : `must be one of ${(field.options ?? []).join(', ')}`;
    default:
      return null;
  }
}

function rulesProblem(field: SnapshotField, value: string): string | null {
  const rules = field.rules;
  if (!rules) return null;
  const length = [...value].length;
  if (rules.minLength != null && length < rules.minLength) return `must have at least ${rules.minLength} characters`;
  if (rules.maxLength != null && length > rules.maxLength) return `must have at most ${rules.maxLength} characters`;
  if (rules.pattern) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(rules.pattern, 'u');
    } catch {
      pattern = null; // A catalog pattern we cannot compile checks nothing, rather than refusing everyone.
    }
    if (pattern && !pattern.test(value)) return 'is not in the required format';
  }
  const number = Number(value);
  if (rules.min != null && !Number.isNaN(number) && number < rules.min) return `must be at least ${rules.min}`;
  if (rules.max != null && !Number.isNaN(number) && number > rules.max) return `must be at most ${rules.max}`;
  return null;
}

/** Why a non-empty value does not fit the field, or null. */
export function fieldValueProblem(field: SnapshotField, value: string): string | null {
  if ([...value].length > MAX_FIELD_LENGTH) return `is longer than ${MAX_FIELD_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(value)) return 'contains control characters';
  return typeProblem(field, value) ?? rulesProblem(field, value);
}
