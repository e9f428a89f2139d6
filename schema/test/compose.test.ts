import { describe, expect, it } from 'vitest';
import { CompositionError, composeSupergraph } from '../src/compose.js';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])';

describe('composeSupergraph', () => {
  it('composes two subgraphs sharing an entity', () => {
    const supergraph = composeSupergraph([
      { name: 'a', url: 'http://127.0.0.1:1/graphql', sdl: `${link}\ntype Query { thing: Thing }\ntype Thing @key(fields: "id") { id: ID! name: String }` },
      { name: 'b', url: 'http://127.0.0.1:2/graphql', sdl: `${link}\ntype Thing @key(fields: "id") { id: ID! size: Int }` },
    ]);
    expect(supergraph).toContain('join__Graph');
    expect(supergraph).toMatch(/size: Int/);
  });

  it('names the conflict when two subgraphs resolve a non-shareable field', () => {
    const sdl = `${link}\ntype Query { same: String }`;
    try {
      composeSupergraph([
        { name: 'a', url: 'http://127.0.0.1:1/graphql', sdl },
        { name: 'b', url: 'http://127.0.0.1:2/graphql', sdl },
      ]);
      expect.unreachable('composition should fail');
    } catch (error) {
      expect(error).toBeInstanceOf(CompositionError);
      expect((error as CompositionError).messages.join('\n')).toContain('Query.same');
    }
  });
});
