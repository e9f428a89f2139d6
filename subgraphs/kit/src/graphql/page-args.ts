import { Kind, type GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../errors.js';
import { checkPageSize } from '../validation.js';
import { decodeCursor } from './cursor.js';

/** A connection's four Relay arguments as the resolver received them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * One page to read by keyset: `size` rows after `cursor` in the list's order (forward: `first`,
 * `after`), or the `size` rows just before it (backward: `last`, `before`; without a cursor, the
 * list's last rows). `cursor` is the decoded key, or null at the list's start (end, backward).
 */
export interface PageRequest<K = string> {
  size: number;
  backward: boolean;
  cursor: K | null;
}

/**
 * Whether the query itself gave an argument a value (not null), as opposed to the schema's default:
 * `first: Int = 20` arrives as 20 whether or not the client wrote it, and `first` with `last` is refused.
 */
export function argumentGiven(info: GraphQLResolveInfo, name: string): boolean {
  const argument = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === name);
  if (!argument || argument.value.kind === Kind.NULL) return false;
  if (argument.value.kind === Kind.VARIABLE) return info.variableValues[argument.value.name.value] != null;
  return true;
}

/**
 * Checks a connection's arguments: `first`/`after` page forward, `last`/`before` backward, never
 * mixed; the size defaults to 20 and is at most `max` either way. A cursor of another list is refused.
 */
export function readPageArgs(kind: string, args: PageArgs, max = 100): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new BadUserInputError('first and last cannot be given together: first pages forward, last backward', 'last');
  if (after != null && before != null) throw new BadUserInputError('after and before cannot be given together: after pages forward, before backward', 'before');
  if (first != null && before != null) throw new BadUserInputError('before pages backward: give it with last, not first', 'before');
  if (last != null && after != null) throw new BadUserInputError('after pages forward: give it with first, not last', 'after');
  const backward = last != null || before != null;
  const size = backward ? checkPageSize(last, 'last', max) : checkPageSize(first, 'first', max);
  const cursorField = backward ? 'before' : 'after';
  const cursor = backward ? before : after;
  return { size, backward, cursor: cursor ? decodeCursor(kind, cursor, cursorField) : null };
}

/** The argument that carried the cursor of a request, to name in errors about it. */
export function cursorField(request: PageRequest<unknown>): 'after' | 'before' {
  return request.backward ? 'before' : 'after';
}

/**
 * Settles a keyset read: `fetched` holds up to size + 1 rows in the direction read (for a backward
 * page, the list's order reversed); `beyondCursor` says whether rows lie at the cursor or on its
 * other side (false without a cursor). Returns the page in the list's order and Relay's two flags.
 */
export function settlePage<T>(request: PageRequest<unknown>, fetched: readonly T[], beyondCursor: boolean): { rows: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = fetched.length > request.size;
  const rows = fetched.slice(0, request.size);
  if (!request.backward) return { rows, hasNextPage: more, hasPreviousPage: beyondCursor };
  return { rows: rows.reverse(), hasNextPage: beyondCursor, hasPreviousPage: more };
}

/** Descriptions of the size arguments, the same on every connection. */
export const PAGE_FIRST = 'Rows after `after` (or from the start), 20 when neither first nor last is given, at most 100. Not with last or before.';
export const PAGE_LAST = 'Rows just before `before` (or at the end), in the list’s order, at most 100. Not with first or after.';
