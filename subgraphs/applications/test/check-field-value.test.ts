import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { FormFieldType as T } from '@govgraph/kit';
import type { SnapshotField } from '../src/prefill/form-snapshot.js';
import { fieldValueProblem } from '../src/submission/check-field-value.js';

const field = (type: T, extra: Partial<SnapshotField> = {}): SnapshotField => ({ key: 'k', label: 'K', type, required: true, source: null, options: null, rules: null, ...extra });

describe('a submitted value against its form field', () => {
  it.each([
    [T.ID_NUMBER, '440303199003071233', '440303199003071234'],
    [T.ID_NUMBER, '11010519491231002X', '440303199002301231'],
    [T.CREDIT_CODE, '914403001922038216', '914403001922038217'],
    [T.MOBILE, '13800138000', '1380013800'],
    [T.EMAIL, 'a@example.cn', 'a@b'],
    [T.DATE, '2026-02-28', '2026-02-30'],
    [T.NUMBER, '12.5', '12,5'],
  ])('%s accepts %s and refuses %s', (type, good, bad) => {
    expect(fieldValueProblem(field(type), good)).toBeNull();
    expect(fieldValueProblem(field(type), bad)).toEqual(expect.any(String));
  });

  it('checks choices, rules, length and control characters', () => {
    expect(fieldValueProblem(field(T.CHOICE, { options: ['邮寄', '窗口自取'] }), '快递')).toMatch(/one of 邮寄, 窗口自取/);
    expect(fieldValueProblem(field(T.TEXT, { rules: { maxLength: 3 } }), '四个字符')).toMatch(/at most 3/);
    expect(fieldValueProblem(field(T.TEXT, { rules: { pattern: '^粤B' } }), '京A12345')).toMatch(/format/);
    expect(fieldValueProblem(field(T.NUMBER, { rules: { min: 1, max: 10 } }), '11')).toMatch(/at most 10/);
    expect(fieldValueProblem(field(T.TEXT), 'x'.repeat(2001))).toMatch(/longer than 2000/);
    expect(fieldValueProblem(field(T.ADDRESS), 'line\u0000break')).toMatch(/control characters/);
    expect(fieldValueProblem(field(T.TEXT, { rules: { pattern: '([' } }), 'anything')).toBeNull();
  });
});
