import { fated, fatedNonNull, hash, LINK, type Zoo } from './zoo.js';

/**
 * Abstract types: an entity interface (Media, keyed, implemented by Book and Film in `catalog`)
 * that two other subgraphs see as an @interfaceObject, a union of entities, a value interface
 * and a union in one subgraph, lists of lists of interface values. Media ids start with their
 * type ("b…" a Book, "f…" a Film); "x9" is no media at all; "p…" are people, "pet…" pets.
 */
type Ref = { id: string };

const CATALOG = `${LINK}
  type Query {
    media(id: ID!): Media
    hits(term: String!): [Hit]
    shelves(count: Int = 2): [[Media]]!
  }
  interface Media @key(fields: "id") { id: ID! title: String }
  type Book implements Media @key(fields: "id") { id: ID! title: String pages: Int! author: Person }
  type Film implements Media @key(fields: "id") { id: ID! title: String minutes: Int cast(first: Int): [Person!]! }
  type Person @key(fields: "id") { id: ID! }
  union Hit = Book | Film | Person
`;

const RATINGS = `${LINK}
  type Query { topRated(limit: Int = 3): [Media] }
  type Media @key(fields: "id") @interfaceObject { id: ID! stars: Int similar(limit: Int = 2): [Media!] }
`;

const PEOPLE = `${LINK}
  type Query { person(id: ID!): Person beings(ids: [ID!]!): [Being!] named(style: Style): [Named] }
  interface Named { name: String! nick(style: Style = SHORT): String }
  type Person implements Named @key(fields: "id") { id: ID! name: String! nick(style: Style = SHORT): String favourite: Media born: Int }
  type Pet implements Named { name: String! nick(style: Style = SHORT): String owner: Person }
  union Being = Person | Pet
  enum Style { SHORT LONG }
  type Media @key(fields: "id") @interfaceObject { id: ID! fans: [Person!] }
`;

const MEDIA = ['b1', 'f1', 'b2', 'f2'];
const isMedia = (id: string) => /^[bf]\d$/.test(id);
const mediaType = (id: string) => (id.startsWith('b') ? 'Book' : 'Film');
const media = (id: string) => (isMedia(id) ? { __typename: mediaType(id), id } : null);
const pick = (key: string, from: readonly string[], count: number) => Array.from({ length: count }, (_, i) => from[(hash(key) + i * 3) % from.length]!);
const person = (id: string) => ({ __typename: 'Person', id });
const named = (id: string) => fatedNonNull(`name:${id}`, () => `${id} name`);
const nick = (id: string, style: string | null) => fated(`nick:${id}:${String(style)}`, () => (style === 'LONG' ? `${id} the long` : id));

export const mediaZoo: Zoo = {
  name: 'media',
  ids: ['b1', 'f1', 'b2', 'f2', 'b1', 'f1', 'x9', 'p1', 'p2', 'p1', 'px', 'pet1'],
  strings: ['b', 'f', 'p', 'bf', ''],
  subgraphs: [
    {
      name: 'catalog',
      sdl: CATALOG,
      resolvers: {
        Query: {
          media: (_: unknown, { id }: Ref) => media(id),
          // Every media and person whose id contains one of the term's letters, in a fixed order.
          hits: (_: unknown, { term }: { term: string }) =>
            fated(`hits:${term}`, () => [...MEDIA, 'p1', 'p2', 'b1'].filter((id) => [...term].some((c) => id.includes(c))).map((id) => (isMedia(id) ? media(id) : person(id)))),
          shelves: (_: unknown, { count }: { count: number | null }) =>
            Array.from({ length: Math.max(0, Math.min(count ?? 0, 3)) }, (_, row) => fated(`shelf:${row}`, () => pick(`shelf${row}`, [...MEDIA, 'x9'], 3).map(media))),
        },
        Media: {
          __resolveReference: ({ id }: Ref) => media(id),
          __resolveType: (value: { __typename: string }) => value.__typename,
        },
        Book: {
          __resolveReference: ({ id }: Ref) => (id.startsWith('b') ? media(id) : null),
          title: ({ id }: Ref) => fated(`title:${id}`, () => `title of ${id}`),
          pages: ({ id }: Ref) => fatedNonNull(`pages:${id}`, () => hash(id) % 500),
          author: ({ id }: Ref) => fated(`author:${id}`, () => person(`p${hash(id) % 3}`)),
        },
        Film: {
          __resolveReference: ({ id }: Ref) => (id.startsWith('f') ? media(id) : null),
          title: ({ id }: Ref) => fated(`title:${id}`, () => `title of ${id}`),
          minutes: ({ id }: Ref) => fated(`minutes:${id}`, () => 60 + (hash(id) % 90)),
          cast: ({ id }: Ref, { first }: { first: number | null }) => pick(`cast:${id}`, ['p1', 'p2', 'px', 'p1'], Math.max(0, Math.min(first ?? 2, 4))).map(person),
        },
        Hit: { __resolveType: (value: { __typename: string }) => value.__typename },
      },
    },
    {
      name: 'ratings',
      sdl: RATINGS,
      resolvers: {
        Query: {
          topRated: (_: unknown, { limit }: { limit: number | null }) =>
            pick('top', [...MEDIA, 'x9'], Math.max(0, Math.min(limit ?? 0, 4))).map((id) => (id === 'x9' ? null : { id })),
        },
        Media: {
          __resolveReference: ({ id }: Ref) => (isMedia(id) ? { id } : null),
          stars: ({ id }: Ref) => fated(`stars:${id}`, () => hash(id) % 6),
          similar: ({ id }: Ref, { limit }: { limit: number | null }) =>
            fated(`similar:${id}`, () => pick(`similar:${id}`, MEDIA, Math.max(0, Math.min(limit ?? 0, 3))).map((other) => ({ id: other }))),
        },
      },
    },
    {
      name: 'people',
      sdl: PEOPLE,
      resolvers: {
        Query: {
          person: (_: unknown, { id }: Ref) => (id.startsWith('p') && !id.startsWith('pet') ? person(id) : null),
          beings: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => (id.startsWith('pet') ? { __typename: 'Pet', id } : id.startsWith('p') ? person(id) : null)),
          named: (_: unknown, { style }: { style: string | null }) =>
            (style === 'LONG' ? ['pet1', 'p1', 'p1'] : ['p2', 'pet2']).map((id) => ({ __typename: id.startsWith('pet') ? 'Pet' : 'Person', id })),
        },
        Named: { __resolveType: (value: { __typename: string }) => value.__typename },
        Being: { __resolveType: (value: { __typename: string }) => value.__typename },
        Person: {
          __resolveReference: ({ id }: Ref) => (id === 'px' ? null : person(id)),
          name: ({ id }: Ref) => named(id),
          nick: ({ id }: Ref, { style }: { style: string | null }) => nick(id, style),
          favourite: ({ id }: Ref) => fated(`favourite:${id}`, () => ({ id: MEDIA[hash(id) % MEDIA.length]! })),
          born: ({ id }: Ref) => fated(`born:${id}`, () => 1900 + (hash(id) % 100)),
        },
        Pet: {
          name: ({ id }: Ref) => named(id),
          nick: ({ id }: Ref, { style }: { style: string | null }) => nick(id, style),
          owner: ({ id }: Ref) => fated(`owner:${id}`, () => person(`p${hash(id) % 3}`)),
        },
        Media: {
          __resolveReference: ({ id }: Ref) => (isMedia(id) ? { id } : null),
          fans: ({ id }: Ref) => fated(`fans:${id}`, () => pick(`fans:${id}`, ['p1', 'p2', 'p0'], 2).map(person)),
        },
      },
    },
  ],
};
