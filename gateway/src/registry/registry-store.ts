/** A subgraph a department published through the registry. */
export interface PublishedSubgraph {
  name: string;
  /** Routing URL: where the gateway reaches it. */
  url: string;
  sdl: string;
  /** ISO 8601. */
  publishedAt: string;
}

/** What the registry holds: the subgraphs published over the committed supergraph, and a version. */
export interface RegistryState {
  /** 0 until the first publish; one more with every publish. */
  version: number;
  published: Record<string, PublishedSubgraph>;
}

/** Where the registry keeps its state: Redis for several gateway processes, memory for one. */
export interface RegistryStore {
  readonly kind: 'memory' | 'redis';
  read(): Promise<RegistryState>;
  /**
   * Records the subgraph if the state is still at `expectedVersion` (compare-and-set, so two
   * gateways publishing at once cannot lose one of the publishes): the new version, or null
   * when another publish came first.
   */
  publish(expectedVersion: number, subgraph: PublishedSubgraph): Promise<number | null>;
  /** Calls `onChange` when the state may have changed elsewhere; resolves to a stop function. */
  watch(onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One gateway process: the state lives and dies with it. */
export function createMemoryRegistryStore(): RegistryStore {
  let state: RegistryState = { version: 0, published: {} };
  return {
    kind: 'memory',
    async read() {
      return { version: state.version, published: { ...state.published } };
    },
    async publish(expectedVersion, subgraph) {
      if (state.version !== expectedVersion) return null;
      state = { version: state.version + 1, published: { ...state.published, [subgraph.name]: subgraph } };
      return state.version;
    },
    async watch() {
      return async () => undefined;
    },
    async close() {},
  };
}
