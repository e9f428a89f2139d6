import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * Lexical tokens of a GraphQL document, counted as graphql's `parse(source, { maxTokens })`
 * counts them (comments and the end of the document are not tokens), without parsing it. Counting
 * stops at `stopAfter` + 1, so a megabyte of tokens costs no more than the limit. A document that
 * does not lex is counted up to its first error; Apollo reports that error when it parses.
 */
export function countTokens(source: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}
