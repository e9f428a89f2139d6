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
  /** 0 until the first publish; one more with every publish or rollback. */
  version: number;
  published: Record<string, PublishedSubgraph>;
}

/** How a version came to be, kept for the administrator's list and for rolling back to it. */
export interface RegistryVersion {
  version: number;
  /** ISO 8601. */
  at: string;
  action: 'publish' | 'rollback';
  /** The subgraph published (publish). */
  subgraph?: string;
  change?: 'added' | 'updated';
  /** The version whose content a rollback restored. */
  restoredFrom?: number;
  /** The id of the credential that made it (never the token). */
  by: string;
  /** Every published subgraph as of this version: what a rollback to it restores. */
  published: Record<string, PublishedSubgraph>;
}

export type VersionEntry = Omit<RegistryVersion, 'version'>;

/** Where the registry keeps its state: Redis for several gateway processes, memory for one. */
export interface RegistryStore {
  readonly kind: 'memory' | 'redis';
  read(): Promise<RegistryState>;
  /**
   * Replaces the published subgraphs with `entry.published` and records the entry as the next
   * version, if the state is still at `expectedVersion` (compare-and-set, so two gateways changing
   * the graph at once cannot lose one change): the new version, or null when another came first.
   */
  commit(expectedVersion: number, entry: VersionEntry): Promise<number | null>;
  /** The versions still kept (the newest `historyLimit`), oldest first. */
  history(): Promise<RegistryVersion[]>;
  /** Calls `onChange` when the state may have changed elsewhere; resolves to a stop function. */
  watch(onChange: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One gateway process: the state and its history live and die with it. */
export function createMemoryRegistryStore(historyLimit = 50): RegistryStore {
  let state: RegistryState = { version: 0, published: {} };
  let versions: RegistryVersion[] = [];
  return {
    kind: 'memory',
    async read() {
      return { version: state.version, published: { ...state.published } };
    },
    async commit(expectedVersion, entry) {
      if (state.version !== expectedVersion) return null;
      const version = state.version + 1;
      state = { version, published: { ...entry.published } };
      versions = [...versions, { version, ...entry }].slice(-historyLimit);
      return version;
    },
    async history() {
      return [...versions];
    },
    async watch() {
      return async () => undefined;
    },
    async close() {},
  };
}
