import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorCode, errorMessage, inputProblems } from '../kit/src/error-codes.js';

const refusal = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] });

describe('the kit’s error helpers', () => {
  it('read the stable code, and NETWORK when nothing answered', () => {
    expect(errorCode(undefined)).toBeUndefined();
    expect(errorCode(refusal('RATE_LIMITED', 'slow down'))).toBe('RATE_LIMITED');
    expect(errorCode(new CombinedError({ networkError: new Error('ECONNREFUSED') }))).toBe('NETWORK');
    expect(errorCode(new CombinedError({ graphQLErrors: [new GraphQLError('no code')] }))).toBe('INTERNAL_SERVER_ERROR');
  });

  it('say what happened in Chinese: the graph’s own words for input problems, a fixed sentence otherwise', () => {
    expect(errorMessage(refusal('BAD_USER_INPUT', '手机号码格式不正确'))).toBe('手机号码格式不正确');
    expect(errorMessage(refusal('UNAUTHENTICATED', 'Invalid or expired token'))).toBe(ERROR_MESSAGES.UNAUTHENTICATED);
    // An unknown code never shows the server's text: it may be anything.
    expect(errorMessage(refusal('SOMETHING_NEW', 'stack at line 3'))).toBe(ERROR_MESSAGES.INTERNAL_SERVER_ERROR);
  });

  it('list every input problem at its path, and ignore malformed ones', () => {
    const error = refusal('BAD_USER_INPUT', '2 problems', {
      problems: [{ path: 'fields.mobile', message: '手机号码格式不正确' }, { path: 'materials.PHOTO', message: '缺少材料' }, { path: 3 }, null],
    });
    expect(inputProblems(error)).toEqual([
      { path: 'fields.mobile', message: '手机号码格式不正确' },
      { path: 'materials.PHOTO', message: '缺少材料' },
    ]);
    expect(inputProblems(undefined)).toEqual([]);
  });
});
