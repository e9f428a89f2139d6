import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { readOperation, startGraph, type GraphHarness, type HarnessOptions } from '../src/harness.js';

/**
 * Issue 17, item 7: a NUL character or an unpaired surrogate in any string argument is the
 * caller's mistake — BAD_USER_INPUT naming the argument, from whichever department it reaches,
 * through the gateway — never an internal error (PostgreSQL refuses NUL in text) nor text
 * silently mangled on the way into SQLite.
 */
const UNSAFE: Record<string, { value: string; said: string }> = {
  'a NUL character': { value: 'abc\u0000def', said: 'contains a NUL character' },
  'an unpaired surrogate': { value: 'abc\ud800', said: 'contains an unpaired UTF-16 surrogate (not valid Unicode text)' },
};
const AUTHORISE = `mutation($input: AuthoriseAgentInput!) { authoriseAgent(input: $input) { id status } }`;

const postgresUp = await postgresAvailable();

function unsafeStrings(database: string, options: () => HarnessOptions) {
  describe(`strings no database should store (${database})`, () => {
    let graph: GraphHarness;
    let company: string;
    beforeAll(async () => {
      graph = await startGraph(options());
      company = (await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, await graph.login('wangwu'))).data.actAs.token;
    });
    afterAll(async () => graph?.close());

    for (const [what, { value, said }] of Object.entries(UNSAFE)) {
      it(`refuses ${what} in catalog search, login and an input object, naming the argument`, async () => {
        const attempts = [
          { label: 'catalog search', field: 'filter.text', answer: await graph.query(readOperation('search-catalog.graphql'), { filter: { text: value } }) },
          { label: 'login username', field: 'username', answer: await graph.operation('login.graphql', { username: value, password: 'demo' }) },
          { label: 'login password', field: 'password', answer: await graph.operation('login.graphql', { username: 'zhangsan', password: value }) },
          {
            label: 'authoriseAgent input',
            field: 'input.name',
            answer: await graph.query(AUTHORISE, { input: { idNumber: '440303199003071233', name: value, validTo: '2027-12-31' } }, company),
          },
        ];
        for (const { label, field, answer } of attempts) {
          expect(answer.status, label).toBeLessThan(500);
          expect(answer.errors?.[0]?.extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', field });
          expect(answer.errors?.[0]?.message, label).toBe(`${field} ${said}`);
          expect(answer.data?.matters ?? answer.data?.login ?? answer.data?.authoriseAgent ?? null, label).toBeNull();
        }
        // zhangsan's account is not locked by password attempts that never reached the check.
        expect(await graph.login('zhangsan')).toBeTruthy();
        // A well-formed string with every kind of character still searches.
        const fine = await graph.query(readOperation('search-catalog.graphql'), { filter: { text: '驾驶证𠀀' } });
        expect(fine.errors).toBeUndefined();
      });
    }
  });
}

unsafeStrings('SQLite', () => ({}));
describe.skipIf(!postgresUp)('on PostgreSQL', () => {
  unsafeStrings('PostgreSQL', () => ({ postgresUrl: POSTGRES_URL }));
});
