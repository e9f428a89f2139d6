import { fated, fatedNonNull, hash, LINK, type Zoo, type ZooContext } from './zoo.js';

/**
 * Mutations in two subgraphs (run in document order; each answer carries the run's serial
 * number, so a reordering shows), input objects and lists as arguments, enums, floats, lists of
 * lists with nulls inside, non-null fields whose errors null their parents at every depth.
 * Accounts "a1"–"a3" exist; "ax" exists only in `history`; anything else nowhere.
 */
type Ref = { id: string };

const ACCOUNTS = `${LINK}
  type Query {
    account(id: ID!): Account
    accounts(filter: AccountFilter): [Account]!
    matrix(rows: Int!, cols: Int = 2): [[Cell]]
  }
  type Mutation {
    deposit(account: ID!, amount: Int!): Receipt!
    transfer(input: TransferInput!): Receipt
    close(account: ID!): Account
    fail(code: Int): Receipt!
  }
  input TransferInput { from: ID! to: ID! amount: Int! memo: String tags: [String!] }
  input AccountFilter { ids: [ID!] kind: Kind minBalance: Int }
  enum Kind { SAVINGS CURRENT }
  type Account @key(fields: "id") { id: ID! kind: Kind! owner: String }
  type Receipt @key(fields: "id") { id: ID! serial: Int! amount: Int! account: Account memo: String }
  type Cell { row: Int! col: Int! label(prefix: String): String account: Account }
`;

const HISTORY = `${LINK}
  type Mutation { annotate(account: ID!, text: String!): Entry }
  type Account @key(fields: "id") {
    id: ID!
    entries(limit: Int = 2, kind: EntryKind): [Entry!]!
    balance: Int!
    statement(month: Int!): Statement
  }
  type Entry { id: ID! amount: Int! note(lang: String = "en"): String tags: [[String]] counterparty: Account }
  type Receipt @key(fields: "id") { id: ID! audit: Audit! }
  type Audit { ok: Boolean! checkedBy: String! trail: [String!]! }
  type Statement { month: Int! lines: [[Entry]]! total: Float }
  enum EntryKind { CREDIT DEBIT }
`;

const ACCOUNT_IDS = ['a1', 'a2', 'a3'];
const exists = (id: string) => ACCOUNT_IDS.includes(id);
const account = (id: string) => (exists(id) ? { id } : null);
/** A receipt's id carries everything about it: the run's serial, the account, the amount, the memo. */
const receipt = (serial: number, accountId: string, amount: number, memo: string | null = null) => ({ id: JSON.stringify([serial, accountId, amount, memo]) });
const receiptParts = (id: string) => JSON.parse(id) as [number, string, number, string | null];
const entry = (accountId: string, i: number, kind: string | null) => ({ id: `${accountId}/${kind ?? 'ANY'}/${i}` });

export const ledger: Zoo = {
  name: 'ledger',
  ids: ['a1', 'a2', 'a3', 'a1', 'ax', 'zz'],
  strings: ['en', 'fr', 'rent', ''],
  subgraphs: [
    {
      name: 'accounts',
      sdl: ACCOUNTS,
      resolvers: {
        Query: {
          account: (_: unknown, { id }: Ref) => account(id),
          accounts: (_: unknown, { filter }: { filter: { ids?: string[] | null; kind?: string | null; minBalance?: number | null } | null }) =>
            (filter?.ids ?? ACCOUNT_IDS).filter((id) => !filter?.kind || (hash(id) % 2 === 0) === (filter.kind === 'SAVINGS')).map(account),
          matrix: (_: unknown, { rows, cols }: { rows: number; cols: number | null }) =>
            fated(`matrix:${rows}:${cols}`, () =>
              Array.from({ length: Math.max(0, Math.min(rows, 3)) }, (_, row) =>
                fated(`row:${row}:${cols}`, () => Array.from({ length: Math.max(0, Math.min(cols ?? 0, 3)) }, (_, col) => (hash(`${row}.${col}`) % 7 === 0 ? null : { row, col }))),
              ),
            ),
        },
        Mutation: {
          deposit: (_: unknown, { account: id, amount }: { account: string; amount: number }, context: ZooContext) => {
            const serial = context.serial();
            if (!exists(id)) throw new Error(`no account ${id} (mutation ${serial})`);
            return receipt(serial, id, amount);
          },
          transfer: (_: unknown, { input }: { input: { from: string; to: string; amount: number; memo?: string | null; tags?: string[] | null } }, context: ZooContext) => {
            const serial = context.serial();
            if (input.amount < 0) throw new Error(`negative transfer (mutation ${serial})`);
            return exists(input.from) ? receipt(serial, input.to, input.amount, [input.memo ?? '', ...(input.tags ?? [])].join(',')) : null;
          },
          close: (_: unknown, { account: id }: { account: string }, context: ZooContext) => fated(`close:${id}:${context.serial()}`, () => account(id)),
          fail: (_: unknown, { code }: { code: number | null }, context: ZooContext) => {
            throw new Error(`failed with ${String(code)} (mutation ${context.serial()})`);
          },
        },
        Account: {
          __resolveReference: ({ id }: Ref) => account(id),
          kind: ({ id }: Ref) => fatedNonNull(`kind:${id}`, () => (hash(id) % 2 === 0 ? 'SAVINGS' : 'CURRENT')),
          owner: ({ id }: Ref) => fated(`owner:${id}`, () => `owner of ${id}`),
        },
        Receipt: {
          __resolveReference: ({ id }: Ref) => ({ id }),
          serial: ({ id }: Ref) => receiptParts(id)[0],
          amount: ({ id }: Ref) => receiptParts(id)[2],
          account: ({ id }: Ref) => account(receiptParts(id)[1]),
          memo: ({ id }: Ref) => receiptParts(id)[3],
        },
        Cell: {
          label: ({ row, col }: { row: number; col: number }, { prefix }: { prefix: string | null }) =>
            fated(`label:${row}.${col}:${String(prefix)}`, () => `${prefix ?? ''}${row}.${col}`),
          account: ({ row, col }: { row: number; col: number }) => fated(`cell:${row}.${col}`, () => ({ id: ACCOUNT_IDS[(row + col) % 3]! })),
        },
      },
    },
    {
      name: 'history',
      sdl: HISTORY,
      resolvers: {
        Mutation: {
          annotate: (_: unknown, { account: id, text }: { account: string; text: string }, context: ZooContext) => {
            const serial = context.serial();
            return text === '' ? null : { id: `${id}/note/${serial}`, text };
          },
        },
        Account: {
          __resolveReference: ({ id }: Ref) => (id.startsWith('a') ? { id } : null),
          entries: ({ id }: Ref, { limit, kind }: { limit: number | null; kind: string | null }) =>
            Array.from({ length: Math.max(0, Math.min(limit ?? 3, 3)) }, (_, i) => entry(id, i, kind)),
          balance: ({ id }: Ref) => fatedNonNull(`balance:${id}`, () => hash(id) % 1000),
          statement: ({ id }: Ref, { month }: { month: number }) => (month < 1 || month > 12 ? null : { id, month }),
        },
        Entry: {
          amount: ({ id }: Ref) => fatedNonNull(`amount:${id}`, () => (hash(id) % 200) - 100),
          note: ({ id }: Ref, { lang }: { lang: string | null }) => fated(`note:${id}:${String(lang)}`, () => `${lang ?? '?'}: ${id}`),
          tags: ({ id }: Ref) => fated(`tags:${id}`, () => [[id.slice(0, 2), null], [], [fated(`tag:${id}`, () => 'x')]]),
          counterparty: ({ id }: Ref) => fated(`counterparty:${id}`, () => ({ id: ACCOUNT_IDS[hash(id) % 3]! })),
        },
        Receipt: {
          __resolveReference: ({ id }: Ref) => ({ id }),
          audit: ({ id }: Ref) => ({ id }),
        },
        Audit: {
          ok: ({ id }: Ref) => fatedNonNull(`ok:${id}`, () => hash(id) % 2 === 0),
          checkedBy: ({ id }: Ref) => fatedNonNull(`checkedBy:${id}`, () => `auditor ${hash(id) % 3}`),
          trail: ({ id }: Ref) => receiptParts(id).map(String),
        },
        Statement: {
          lines: ({ id, month }: { id: string; month: number }) =>
            Array.from({ length: month % 3 }, (_, row) =>
              fated(`line:${id}:${month}:${row}`, () => [entry(id, row, null), hash(`${id}${row}`) % 4 === 0 ? null : entry(id, row + 1, 'CREDIT')]),
            ),
          total: ({ id, month }: { id: string; month: number }) => fated(`total:${id}:${month}`, () => (hash(id) % 1000) / (month + 0.5)),
        },
      },
    },
  ],
};
