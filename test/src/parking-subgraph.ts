import { buildSchema, type GraphQLFieldResolver, type GraphQLObjectType } from 'graphql';
import { createLogger, createSubgraph, MemoryNonceStore, requireApplicant, type RunningSubgraph, type SubgraphContext, type TrustStore } from '@govgraph/kit';

/**
 * A small department the graph does not have yet — parking permits — for the registry tests:
 * a kit subgraph (so it answers only requests the gateway signed, and sees the caller's claims)
 * that adds `parkingPermits` to every applicant through `@interfaceObject`. It serves all the
 * fields below from the start; which of them are in the graph depends on the SDL published.
 */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@interfaceObject"])';

/** The first version a department publishes: permits with a zone, a public list of zones. */
export const PARKING_SDL_V1 = `${LINK}

type Applicant @interfaceObject @key(fields: "id") {
  id: ID!
  """The applicant's residential parking permits."""
  parkingPermits: [ParkingPermit!]!
}

type ParkingPermit {
  zone: String!
  plate: String!
}

type Query {
  """Public: the city's residential parking zones."""
  parkingZones: [String!]!
}
`;

/** A compatible change: one more field on a permit. */
export const PARKING_SDL_V2 = PARKING_SDL_V1.replace('  plate: String!\n', '  plate: String!\n  validTo: String\n');

/** Another compatible change, for a third swap. */
export const PARKING_SDL_V3 = PARKING_SDL_V2.replace('  validTo: String\n', '  validTo: String\n  """Issuing office."""\n  office: String\n');

/** What the process executes: the federation plumbing written out, every field of every version. */
const EXECUTABLE_SDL = `
scalar _Any
union _Entity = Applicant
type _Service { sdl: String! }
type Applicant { id: ID! parkingPermits: [ParkingPermit!]! }
type ParkingPermit { zone: String! plate: String! validTo: String office: String }
type Query { parkingZones: [String!]! _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }
`;

const PERMITS: Record<string, Array<{ zone: string; plate: string; validTo: string; office: string }>> = {
  'P-000001': [{ zone: '罗湖-03', plate: '粤B·12345', validTo: '2027-06-30', office: '罗湖交警大队' }],
};

type Resolver = GraphQLFieldResolver<any, SubgraphContext>;

export async function startParkingSubgraph(trust: TrustStore, publishedSdl = PARKING_SDL_V3): Promise<RunningSubgraph> {
  const schema = buildSchema(EXECUTABLE_SDL);
  const resolve = (type: string, field: string, resolver: Resolver) => {
    (schema.getType(type) as GraphQLObjectType).getFields()[field]!.resolve = resolver;
  };
  resolve('Query', 'parkingZones', () => ['罗湖-03', '福田-11', '南山-07']);
  resolve('Query', '_service', () => ({ sdl: publishedSdl }));
  resolve('Query', '_entities', (_root, args: { representations: Array<{ __typename: string; id: string }> }) =>
    args.representations.map((r) => (r.__typename === 'Applicant' ? { __typename: 'Applicant', id: r.id } : null)),
  );
  resolve('Applicant', 'parkingPermits', (applicant: { id: string }, _args, context) => {
    // The caller's claims, as the gateway signed them: only the applicant sees their permits.
    requireApplicant(context.claims, applicant.id, 'see their parking permits');
    return PERMITS[applicant.id] ?? [];
  });
  const subgraph = await createSubgraph({
    name: 'parking',
    schema,
    trust,
    nonces: new MemoryNonceStore(),
    log: createLogger('parking', process.env.LOG_LEVEL ?? 'silent'),
    services: {},
    createLoaders: () => ({}),
  });
  return subgraph.listen(0, '127.0.0.1');
}
