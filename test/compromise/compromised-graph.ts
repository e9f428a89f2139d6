import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_REGISTRY } from '@govgraph/kit';
import { loadPartyCredentials, type PartyCredentials } from '@govgraph/kit/trust';
import { REDIS_URL } from '@govgraph/kit/testing';
import { startProcessGraph, type ProcessGraph } from '../src/process-graph.js';

/**
 * The graph as production lays it out, on one machine: every service a process with a data
 * folder of its own (database, key folder), one trust list of public keys that every process
 * reads, shared state and events in Redis. What one department holds is then exactly its own
 * folder — what an attacker who took that department would hold.
 */
export interface CompromisedGraph {
  graph: ProcessGraph;
  gatewayUrl: string;
  trustDir: string;
  redisPrefix: string;
  /** A service's own data folder (`gateway` or a department). */
  folderOf(service: string): string;
  /** A party's keys read from its own folder: the attacker's loot for the compromised one; the test's oracle for the others. */
  keysOf(party: string): PartyCredentials;
  /** A second process of a department (same database, keys and Redis), on its own port. */
  replicaOf(name: string): Promise<{ graphqlUrl: string; url: string }>;
  /** Base URLs of every process of a service: the first one and its replicas (they share its consumer groups). */
  processesOf(name: string): string[];
  close(): Promise<void>;
}

export async function startCompromisedGraph(): Promise<CompromisedGraph> {
  const root = mkdtempSync(join(tmpdir(), 'govgraph-compromise-'));
  const trustDir = join(root, 'trust');
  const redisPrefix = `govgraph-compromise:${randomBytes(4).toString('hex')}:`;
  const folderOf = (service: string) => join(root, service);
  const services = ['gateway', ...SUBGRAPH_REGISTRY.map((s) => s.name)];
  let graph: ProcessGraph;
  try {
    graph = await startProcessGraph({
      dataDir: join(root, 'shared-unused'),
      // What the global setup compiled (half the CPU per process of tsx compiling it again).
      compiled: true,
      env: {
        REDIS_URL,
        REDIS_KEY_PREFIX: redisPrefix,
        GOVGRAPH_TRUST_DIR: trustDir,
        // No budget in the way. The response cache stays on: it is the catalog-changed consumer.
        GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
        GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
      },
      serviceEnv: Object.fromEntries(services.map((service) => [service, { DATA_DIR: folderOf(service) }])),
    });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const loaded = new Map<string, PartyCredentials>();
  const replicas = new Map<string, string[]>();
  return {
    graph,
    gatewayUrl: graph.urls.gateway!,
    trustDir,
    redisPrefix,
    folderOf,
    keysOf(party) {
      let credentials = loaded.get(party);
      if (!credentials) {
        // production: true — read what the party made, never make a key here.
        credentials = loadPartyCredentials(party, { keysDir: join(folderOf(party), 'keys'), trustDir, production: true });
        loaded.set(party, credentials);
      }
      return credentials;
    },
    async replicaOf(name) {
      const replica = await graph.startReplica(name);
      replicas.set(name, [...(replicas.get(name) ?? []), replica.url]);
      return replica;
    },
    processesOf: (name) => [graph.urls[name]!, ...(replicas.get(name) ?? [])],
    async close() {
      await graph.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
