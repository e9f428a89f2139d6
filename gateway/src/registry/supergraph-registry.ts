import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SupergraphSdlHook, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import {
  checkDataFlows,
  checkSubgraph,
  composeGraph,
  readTrustedOperations,
  subgraphsOfSupergraph,
  undeclaredFlows,
  type CheckReport,
  type ComposedGraph,
  type CredentialStore,
  type DataFlowReport,
  type DataPolicy,
  type SubgraphSdl,
  type TrustedOperation,
} from '@govgraph/schema/governance';
import type { PublishedSubgraph, RegistryState, RegistryStore, RegistryVersion } from './registry-store.js';

export interface SupergraphRegistryOptions {
  /** The committed supergraph the gateway starts from (SUPERGRAPH_PATH). */
  supergraphSdl: string;
  /** The folder beside it: `subgraphs/<name>.graphql` it was composed from, `operations/` the trusted documents. */
  schemaDir: string;
  store: RegistryStore;
  /** Who may publish and administer: department and administrator credentials (closed with the registry). */
  credentials: CredentialStore;
  /**
   * The data-sharing policy every publish is checked against; a string says why there is none
   * (the file is missing), and publishing is then unavailable: without it nothing is classified.
   */
  policy: DataPolicy | string;
  log: Logger;
}

/** One subgraph of the graph being served, and where it came from. */
export interface RegistrySubgraph extends SubgraphSdl {
  source: 'committed' | 'published';
  publishedAt?: string;
}

/** A dry run of a publish: the same check, nothing committed. */
export type CheckOutcome = { status: 'checked'; version: number; report: CheckReport } | { status: 'unavailable'; reason: string };

export type PublishOutcome =
  | { status: 'published'; change: 'added' | 'updated'; version: number; report: CheckReport }
  | { status: 'unchanged'; version: number; report: CheckReport }
  | { status: 'refused'; report: CheckReport }
  | { status: 'unavailable'; reason: string };

/** What a rollback found: it skips the breaking-change check, never composition or the data-flow policy. */
export interface RollbackReport {
  composition: { ok: boolean; errors: string[] };
  dataFlows: DataFlowReport | null;
  /** The subgraphs whose published SDL or URL the rollback changes. */
  changed: string[];
}

export type RollbackOutcome =
  | { status: 'rolled-back'; version: number; restoredFrom: number; report: RollbackReport }
  | { status: 'unchanged'; version: number }
  | { status: 'unknown-version'; version: number; kept: number[] }
  | { status: 'refused'; report: RollbackReport }
  | { status: 'unavailable'; reason: string };

/** A version as the administrator lists it: who made it and what it serves, without the SDL. */
export interface VersionSummary {
  version: number;
  at?: string;
  action: 'committed' | 'publish' | 'rollback';
  subgraph?: string;
  change?: 'added' | 'updated';
  restoredFrom?: number;
  by?: string;
  subgraphs: Array<{ name: string; url: string; sha256: string; publishedAt: string }>;
}

/**
 * The gateway's live supergraph: the committed one, with the subgraphs departments published
 * over it. A publish is checked (the same check as `npx govgraph check`, data-sharing policy
 * included), recorded in the store as a new version (the history an administrator rolls back in),
 * and swapped in through @apollo/gateway's `update` — the schema and query planner are replaced
 * between requests, in-flight ones finish on the plan they started with, nothing restarts.
 * With Redis every gateway on the prefix is notified and swaps to the same state.
 */
export class SupergraphRegistry {
  private readonly log: Logger;
  private readonly store: RegistryStore;
  private update: SupergraphSdlUpdateFunction | undefined;
  private stopWatching: (() => Promise<void>) | undefined;
  /** The registry version served (0: the committed supergraph), and what was published over it. */
  private version = 0;
  private published: Record<string, PublishedSubgraph> = {};
  private servedSdl: string;
  /** The served graph, composed (lazily for the committed one: composing takes a moment). */
  private graph: ComposedGraph | undefined;
  private committed: { ok: true; subgraphs: SubgraphSdl[]; graph: ComposedGraph } | { ok: false; reason: string } | undefined;
  private operations: TrustedOperation[] | undefined;
  private failedVersion: number | undefined;
  /** Publishes and refreshes run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SupergraphRegistryOptions) {
    this.log = options.log;
    this.store = options.store;
    this.servedSdl = options.supergraphSdl;
    if (typeof options.policy === 'string') this.log.warn({ reason: options.policy }, 'registry: no data-sharing policy; publishing is unavailable');
  }

  get credentials(): CredentialStore {
    return this.options.credentials;
  }

  /** For ApolloGateway's `supergraphSdl`: the graph to start with, and the `update` to swap later. */
  readonly supergraphSdlHook: SupergraphSdlHook = async ({ update }) => {
    let initial = this.options.supergraphSdl;
    try {
      const state = await this.store.read();
      if (state.version > 0 && this.adopt(state)) initial = this.servedSdl;
    } catch (error) {
      this.log.warn({ err: error }, 'registry: cannot read the published subgraphs; starting from the committed supergraph');
    }
    this.update = update;
    this.stopWatching = await this.store.watch(() => void this.refresh());
    return {
      supergraphSdl: initial,
      cleanup: async () => {
        this.update = undefined;
        await this.stopWatching?.();
        await this.store.close();
        await this.options.credentials.close();
      },
    };
  };

  /** True once the gateway loaded its first supergraph through the hook. */
  get loaded(): boolean {
    return this.update !== undefined;
  }

  /** The routing URL of a subgraph published through the registry (it wins over <NAME>_URL). */
  publishedUrl(name: string): string | undefined {
    return this.published[name]?.url;
  }

  current(): { version: number; supergraphSdl: string } {
    return { version: this.version, supergraphSdl: this.servedSdl };
  }

  /** Every subgraph of the served graph (`GET /registry/subgraphs`). */
  listing(): { ok: true; version: number; subgraphs: RegistrySubgraph[] } | { ok: false; reason: string } {
    const committed = this.loadCommitted();
    if (!committed.ok) return committed;
    const subgraphs: RegistrySubgraph[] = overlay(committed.subgraphs, this.published).map((s) => {
      const published = this.published[s.name];
      return published ? { ...s, source: 'published', publishedAt: published.publishedAt } : { ...s, source: 'committed' };
    });
    return { ok: true, version: this.version, subgraphs };
  }

  /**
   * Checks a subgraph against the served graph and the data-sharing policy and, when nothing
   * breaks and every data flow is declared, makes it live everywhere. `by`: the credential's id.
   */
  publish(name: string, sdl: string, url: string, by: string): Promise<PublishOutcome> {
    return this.serially(async (): Promise<PublishOutcome> => {
      try {
        return await this.checkAndPublish(name, sdl, url, by);
      } catch (error) {
        // The store (Redis) failed: nothing was published, the graph served is unchanged.
        this.log.error({ err: error, subgraph: name }, 'registry: publish failed');
        return { status: 'unavailable', reason: `the registry store failed (${(error as Error).message})` };
      }
    });
  }

  /**
   * What a publish of this SDL would find, without publishing: the same check against the graph
   * served now (the registry's latest state), its trusted operations and the data-sharing
   * policy. Nothing is stored, swapped or versioned. Without `url`, the subgraph's current one.
   */
  check(name: string, sdl: string, url: string | undefined): Promise<CheckOutcome> {
    return this.serially(async (): Promise<CheckOutcome> => {
      try {
        const checked = await this.checkAgainstServed(name, sdl, url);
        return checked.ok ? { status: 'checked', version: checked.state.version, report: checked.report } : { status: 'unavailable', reason: checked.reason };
      } catch (error) {
        this.log.error({ err: error, subgraph: name }, 'registry: check failed');
        return { status: 'unavailable', reason: `the registry store failed (${(error as Error).message})` };
      }
    });
  }

  /** The check a publish runs: follow the registry's latest state, then check against it. */
  private async checkAgainstServed(
    name: string,
    sdl: string,
    url: string | undefined,
  ): Promise<{ ok: true; state: RegistryState; report: CheckReport; graph?: ComposedGraph } | { ok: false; reason: string }> {
    const policy = this.options.policy;
    if (typeof policy === 'string') return { ok: false, reason: policy };
    const state = await this.store.read();
    if (!this.adopt(state)) return { ok: false, reason: 'this gateway cannot compose the registry’s current state; see its log' };
    const current = this.currentGraph();
    if (!current.ok) return current;
    const { report, graph } = checkSubgraph({ subgraph: name, sdl, ...(url ? { url } : {}), current: current.graph, operations: this.trustedOperations(), policy });
    return { ok: true, state, report, ...(graph ? { graph } : {}) };
  }

  private async checkAndPublish(name: string, sdl: string, url: string, by: string): Promise<PublishOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const checked = await this.checkAgainstServed(name, sdl, url);
      if (!checked.ok) return { status: 'unavailable', reason: checked.reason };
      const { state, report, graph } = checked;
      if (report.change === 'unchanged') return { status: 'unchanged', version: this.version, report };
      if (!report.ok || !graph) return { status: 'refused', report };
      const entry: PublishedSubgraph = { name, url, sdl, publishedAt: new Date().toISOString() };
      const published = { ...state.published, [name]: entry };
      const version = await this.store.commit(state.version, { at: entry.publishedAt, action: 'publish', subgraph: name, change: report.change, by, published });
      // Another gateway published first: check again, against the graph with its change.
      if (version === null) continue;
      this.published = published;
      this.version = version;
      this.serve(graph);
      return { status: 'published', change: report.change, version, report };
    }
    return { status: 'unavailable', reason: 'other publishes kept changing the graph; try again' };
  }

  /**
   * Makes an earlier version's content live again, as a new version. It skips the
   * breaking-change check on purpose — undoing a takeover removes the keys the takeover added,
   * which that check refuses (KEY_REMOVED) — but the result must compose, and every data flow
   * of the subgraphs it changes must still be declared.
   */
  rollback(target: number, by: string): Promise<RollbackOutcome> {
    return this.serially(async (): Promise<RollbackOutcome> => {
      try {
        return await this.restore(target, by);
      } catch (error) {
        this.log.error({ err: error, target }, 'registry: rollback failed');
        return { status: 'unavailable', reason: `the registry store failed (${(error as Error).message})` };
      }
    });
  }

  private async restore(target: number, by: string): Promise<RollbackOutcome> {
    const policy = this.options.policy;
    if (typeof policy === 'string') return { status: 'unavailable', reason: policy };
    const committed = this.loadCommitted();
    if (!committed.ok) return { status: 'unavailable', reason: committed.reason };
    for (let attempt = 0; attempt < 3; attempt++) {
      const state = await this.store.read();
      if (!this.adopt(state)) return { status: 'unavailable', reason: 'this gateway cannot compose the registry’s current state; see its log' };
      if (target === state.version) return { status: 'unchanged', version: state.version };
      const history = await this.store.history();
      const restored = target === 0 ? {} : history.find((v) => v.version === target)?.published;
      if (!restored || target > state.version) return { status: 'unknown-version', version: target, kept: [0, ...history.map((v) => v.version)] };

      const before = overlay(committed.subgraphs, state.published);
      const after = overlay(committed.subgraphs, restored);
      const changed = [...new Set([...Object.keys(state.published), ...Object.keys(restored)])].filter(
        (name) => state.published[name]?.sdl !== restored[name]?.sdl || state.published[name]?.url !== restored[name]?.url,
      );
      if (changed.length === 0) return { status: 'unchanged', version: state.version };
      const composed = composeGraph(after);
      const dataFlows = checkDataFlows({ before, after, changed, policy });
      const report: RollbackReport = { composition: { ok: composed.ok, errors: composed.ok ? [] : composed.errors }, dataFlows, changed };
      if (!composed.ok || dataFlows.undeclared.length > 0) return { status: 'refused', report };

      const version = await this.store.commit(state.version, { at: new Date().toISOString(), action: 'rollback', restoredFrom: target, by, published: restored });
      if (version === null) continue;
      this.published = restored;
      this.version = version;
      this.serve(composed.graph);
      return { status: 'rolled-back', version, restoredFrom: target, report };
    }
    return { status: 'unavailable', reason: 'other publishes kept changing the graph; try again' };
  }

  /** The versions kept for rollback, oldest first, with version 0 (the committed supergraph) first of all. */
  async versions(): Promise<{ current: number; versions: VersionSummary[] }> {
    const [state, history] = await Promise.all([this.store.read(), this.store.history()]);
    const summary = (v: RegistryVersion): VersionSummary => ({
      version: v.version,
      at: v.at,
      action: v.action,
      ...(v.subgraph ? { subgraph: v.subgraph } : {}),
      ...(v.change ? { change: v.change } : {}),
      ...(v.restoredFrom !== undefined ? { restoredFrom: v.restoredFrom } : {}),
      by: v.by,
      subgraphs: Object.values(v.published)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => ({ name: p.name, url: p.url, sha256: createHash('sha256').update(p.sdl).digest('hex'), publishedAt: p.publishedAt })),
    });
    return { current: state.version, versions: [{ version: 0, action: 'committed', subgraphs: [] }, ...history.map(summary)] };
  }

  /** Follows a change made elsewhere (another gateway's publish). */
  refresh(): Promise<void> {
    return this.serially(async () => {
      try {
        this.adopt(await this.store.read());
      } catch (error) {
        this.log.warn({ err: error }, 'registry: cannot read the published subgraphs');
      }
    });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Serves a stored state unless it is the one served already; false when it does not compose here. */
  private adopt(state: RegistryState): boolean {
    if (state.version === this.version) return true;
    const committed = this.loadCommitted();
    if (!committed.ok) {
      this.logOnce(state.version, { reason: committed.reason }, 'registry: published subgraphs found, but the committed subgraphs are unavailable');
      return false;
    }
    const composed = composeGraph(overlay(committed.subgraphs, state.published));
    if (!composed.ok) {
      // The committed graph changed under the published subgraphs (a deploy): keep serving.
      this.logOnce(
        state.version,
        { errors: composed.errors },
        'registry: the published subgraphs do not compose with this gateway’s committed supergraph; keeping the current one',
      );
      return false;
    }
    this.version = state.version;
    this.published = state.published;
    this.serve(composed.graph);
    this.log.info({ version: state.version, published: Object.keys(state.published) }, 'registry: serving a new supergraph');
    this.warnUndeclared(state.version, composed.graph.subgraphs);
    return true;
  }

  private serve(graph: ComposedGraph): void {
    this.graph = graph;
    if (graph.supergraphSdl === this.servedSdl) return;
    this.servedSdl = graph.supergraphSdl;
    try {
      // Synchronous: the next request plans on the new supergraph, the running ones keep theirs.
      this.update?.(graph.supergraphSdl);
    } catch (error) {
      this.log.error({ err: error }, 'registry: the gateway refused the new supergraph');
    }
  }

  private currentGraph(): { ok: true; graph: ComposedGraph } | { ok: false; reason: string } {
    if (this.graph) return { ok: true, graph: this.graph };
    const committed = this.loadCommitted();
    if (!committed.ok) return committed;
    this.graph = committed.graph;
    return { ok: true, graph: committed.graph };
  }

  /** The subgraphs the committed supergraph was composed from, proven by composing them to the same file. */
  private loadCommitted(): { ok: true; subgraphs: SubgraphSdl[]; graph: ComposedGraph } | { ok: false; reason: string } {
    if (this.committed) return this.committed;
    const dir = join(this.options.schemaDir, 'subgraphs');
    try {
      const subgraphs = subgraphsOfSupergraph(this.options.supergraphSdl, dir);
      const composed = composeGraph(subgraphs);
      if (!composed.ok) {
        this.committed = { ok: false, reason: `the subgraph SDL files in ${dir} do not compose: ${composed.errors.join('; ')}` };
      } else if (composed.graph.supergraphSdl !== this.options.supergraphSdl) {
        this.committed = { ok: false, reason: `the subgraph SDL files in ${dir} do not compose to the gateway’s supergraph; run npm run compose` };
      } else {
        this.committed = { ok: true, subgraphs, graph: composed.graph };
      }
    } catch (error) {
      this.committed = { ok: false, reason: (error as Error).message };
    }
    if (!this.committed.ok) this.log.warn({ reason: this.committed.reason }, 'registry: publishing is unavailable');
    return this.committed;
  }

  private trustedOperations(): TrustedOperation[] {
    this.operations ??= readTrustedOperations(join(this.options.schemaDir, 'operations'));
    return this.operations;
  }

  /**
   * A stored graph is served as it is, but a flow the policy no longer allows (the policy changed
   * since the publish) is named in the log, so the operator can roll back or amend the policy.
   */
  private warnUndeclared(version: number, subgraphs: SubgraphSdl[]): void {
    if (typeof this.options.policy === 'string') return;
    const flows = undeclaredFlows(subgraphs, this.options.policy);
    if (flows.length === 0) return;
    this.log.warn(
      { version, flows: flows.map((f) => `${f.kind} ${f.field} ${f.provider} → ${f.consumer} via ${f.via}`) },
      'registry: the served graph has data flows the data-sharing policy does not declare',
    );
  }

  private logOnce(version: number, details: Record<string, unknown>, message: string): void {
    if (this.failedVersion === version) return;
    this.failedVersion = version;
    this.log.error({ version, ...details }, message);
  }
}

/** The committed subgraphs with the published ones in their place, and new ones after them. */
function overlay(committed: SubgraphSdl[], published: Record<string, PublishedSubgraph>): SubgraphSdl[] {
  const names = new Set(committed.map((s) => s.name));
  const replaced = committed.map((s) => {
    const p = published[s.name];
    return p ? { name: p.name, url: p.url, sdl: p.sdl } : s;
  });
  const added = Object.values(published)
    .filter((p) => !names.has(p.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, url: p.url, sdl: p.sdl }));
  return [...replaced, ...added];
}
