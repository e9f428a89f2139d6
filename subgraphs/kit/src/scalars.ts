import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** A calendar date (YYYY-MM-DD), for birth dates and licence validity: no time zone games. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isRealDate(value)) return value;
    throw new GraphQLError('Date cannot represent this value');
  },
  parseValue: (value) => {
    if (typeof value === 'string' && isRealDate(value)) return value;
    throw new GraphQLError('Date must be a real date written YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isRealDate(ast.value)) return ast.value;
    throw new GraphQLError('Date must be a real date written YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

/** An instant, serialized as ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 in UTC, e.g. 2026-11-26T08:00:00.000Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseInstant(value: unknown): string {
  const date = typeof value === 'string' && value.length <= 40 ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 instant', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date.toISOString();
}
