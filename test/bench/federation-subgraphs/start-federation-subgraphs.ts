import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { spawnServer, type ServerProcess } from '../workloads/spawn-server.js';
import { FEDERATION_SUBGRAPHS } from './modules.js';

const SERVE = fileURLToPath(new URL('./serve-subgraph.ts', import.meta.url));

export interface RepresentationStats {
  requests: number;
  entityRequests: number;
  representations: number;
  uniqueRepresentations: number;
}

export interface FederationSubgraphs {
  /** Subgraph name → GraphQL URL. */
  urls: Record<string, string>;
  /** The supergraph composed over those URLs, written to a temporary file. */
  supergraphPath: string;
  supergraphSdl: string;
  /** The temporary folder of the supergraph file, removed on close (a scratch DATA_DIR too). */
  workDir: string;
  processes: Record<string, ServerProcess>;
  /** What each subgraph was asked so far (GET /stats). */
  stats(): Promise<Record<string, RepresentationStats>>;
  close(): Promise<void>;
}

/** The four benchmark subgraphs, each its own process on a free port, and their supergraph. */
export async function startFederationSubgraphs(): Promise<FederationSubgraphs> {
  const names = Object.keys(FEDERATION_SUBGRAPHS) as Array<keyof typeof FEDERATION_SUBGRAPHS>;
  const started = await Promise.allSettled(names.map((name) => spawnServer({ label: `subgraph ${name}`, args: ['--import', 'tsx', SERVE, name, '0'] })));
  const processes: Record<string, ServerProcess> = {};
  started.forEach((result, i) => {
    if (result.status === 'fulfilled') processes[names[i]!] = result.value;
  });
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    throw failure.reason;
  }
  const urls = Object.fromEntries(names.map((name) => [name, processes[name]!.url]));
  const composed = composeServices(names.map((name) => ({ name, url: urls[name], typeDefs: parse(FEDERATION_SUBGRAPHS[name].typeDefs) })));
  if (composed.errors || !composed.supergraphSdl) {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    throw new Error(`benchmark subgraphs do not compose: ${(composed.errors ?? []).map((e) => e.message).join('; ')}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-federation-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);
  return {
    urls,
    supergraphPath,
    supergraphSdl: composed.supergraphSdl,
    workDir: dir,
    processes,
    async stats() {
      const entries = await Promise.all(
        names.map(async (name) => [name, (await (await fetch(urls[name]!.replace(/\/graphql$/, '/stats'))).json()) as RepresentationStats] as const),
      );
      return Object.fromEntries(entries);
    },
    async close() {
      await Promise.all(Object.values(processes).map((p) => p.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
