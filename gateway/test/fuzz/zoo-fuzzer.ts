import { parse, print } from 'graphql';
import { sameAnswer, type Answer } from './compare-answers.js';
import { ALL_SWITCHES, govgraphEngine, stockEngine, type Engine } from './engines.js';
import { generateDocument, type GeneratedDocument } from './generate/generate-document.js';
import { InProcessSubgraphs, ZOO_ORIGIN } from './in-process-subgraphs.js';
import type { Mismatch } from './mismatch.js';
import { planDocument, planningSchemas, type PlanningSchemas } from './plan-document.js';
import { runDocument, type FuzzDocument } from './run-document.js';
import { shrinkDocument, type Shrinkable } from './shrink-document.js';
import { composeZoo } from './zoo/compose-zoo.js';
import type { Zoo } from './zoo/zoo.js';

/** A document one engine answered differently from stock. */
export interface Found {
  document: FuzzDocument;
  engine: Engine;
}

/** One zoo composed and planned for, its in-process subgraphs, stock and the 16 engines over them. */
export class ZooFuzzer {
  private readonly schemas: PlanningSchemas;
  private readonly subgraphs: InProcessSubgraphs;
  private readonly stock: Engine;
  private readonly engines: Array<Engine & { close(): void }>;

  constructor(private readonly zoo: Zoo) {
    const composed = composeZoo(zoo, (name) => `${ZOO_ORIGIN}/${name}`);
    this.schemas = planningSchemas(composed.supergraphSdl);
    this.subgraphs = new InProcessSubgraphs(composed.schemas);
    const names = zoo.subgraphs.map((subgraph) => subgraph.name);
    this.stock = stockEngine(this.subgraphs, names);
    this.engines = ALL_SWITCHES.map((switches) => govgraphEngine(this.subgraphs, names, switches));
  }

  prepare(seed: number): FuzzDocument | 'invalid' | 'unplannable' {
    const generated = generateDocument(this.schemas.apiGraphQLSchema, this.zoo, seed);
    if (!generated) return 'invalid';
    return this.plan(seed, generated) ?? 'unplannable';
  }

  /**
   * Runs the group under stock and under each engine, all at once (engines share nothing but
   * the in-process subgraphs, whose answers depend on nothing but the request and its run);
   * returns the first difference per document.
   */
  async runGroup(group: FuzzDocument[]): Promise<Found[]> {
    // The first document twice: two identical requests in flight together.
    const inFlight = group.length > 0 ? [...group, group[0]!] : group;
    this.subgraphs.forgetAnswers();
    const [expected, ...answers] = await Promise.all([this.stock, ...this.engines].map((engine) => this.runAll(engine, inFlight)));
    const found = new Map<FuzzDocument, Found>();
    this.engines.forEach((engine, e) => {
      answers[e]!.forEach((answer, i) => {
        const document = inFlight[i]!;
        if (!found.has(document) && !sameAnswer(expected![i]!, answer)) found.set(document, { document, engine });
      });
    });
    return [...found.values()];
  }

  /** One document, alone, through stock and each engine. */
  async answersFor(query: string, variables: Record<string, unknown>): Promise<{ stock: Answer; engines: Array<{ engine: string; answer: Answer }> }> {
    const document = this.plan(0, { document: parse(query), query, variables, operationName: undefined });
    if (!document) throw new Error(`could not plan ${query}`);
    const [stock, ...answers] = await Promise.all([this.stock, ...this.engines].map(async (engine) => (await this.runAll(engine, [document]))[0]!));
    return { stock: stock!, engines: this.engines.map((engine, i) => ({ engine: engine.name, answer: answers[i]! })) };
  }

  /** Subgraph requests per engine so far. */
  requests(): Record<string, number> {
    return Object.fromEntries([this.stock, ...this.engines].map((engine) => [engine.name, engine.counter.requests]));
  }

  /**
   * The difference shrunk: alone if it shows alone (the document twice in flight under the
   * engine), else with the rest of its group in flight as it was.
   */
  async shrink(found: Found, group: FuzzDocument[]): Promise<Mismatch> {
    const alone = (await this.differs(found, found.document, [])) !== undefined;
    const peers = alone ? [] : group.filter((document) => document !== found.document);
    const shrunk = await shrinkDocument(this.schemas.apiGraphQLSchema, found.document, async (candidate) => (await this.differs(found, candidate, peers)) !== undefined);
    const outcome = (await this.differs(found, shrunk, peers)) ?? (await this.alone(found));
    return {
      zoo: this.zoo.name,
      seed: found.document.seed,
      engine: found.engine.name,
      query: found.document.query,
      variables: found.document.variables,
      shrunk: { ...outcome, alone },
    };
  }

  /** The difference as found, not shrunk (quick exploratory runs). */
  async unshrunk(found: Found): Promise<Mismatch> {
    return {
      zoo: this.zoo.name,
      seed: found.document.seed,
      engine: found.engine.name,
      query: found.document.query,
      variables: found.document.variables,
      shrunk: { ...(await this.alone(found)), alone: true },
    };
  }

  close(): void {
    for (const engine of this.engines) engine.close();
  }

  /** Both answers to `candidate` when the engine's differs from stock's (run twice in flight, beside `peers`). */
  private async differs(found: Found, candidate: Shrinkable, peers: FuzzDocument[]) {
    const document = this.plan(found.document.seed, {
      document: candidate.document,
      query: print(candidate.document),
      variables: candidate.variables,
      operationName: found.document.operationName,
    });
    if (!document) return undefined;
    const [[stock], answers] = await Promise.all([this.runAll(this.stock, [document]), this.runAll(found.engine, [document, document, ...peers])]);
    const different = answers.slice(0, 2).find((answer) => !sameAnswer(stock!, answer));
    return different ? { query: document.query, variables: document.variables, stock: stock!, engine: different } : undefined;
  }

  private async alone(found: Found) {
    const [[stock], [engine]] = await Promise.all([this.runAll(this.stock, [found.document]), this.runAll(found.engine, [found.document])]);
    return { query: found.document.query, variables: found.document.variables, stock: stock!, engine: engine! };
  }

  private plan(seed: number, generated: GeneratedDocument): FuzzDocument | undefined {
    try {
      return { ...generated, seed, ...planDocument(this.schemas, generated.document, generated.operationName) };
    } catch {
      // The query planner refused it (e.g. its "We should have an edge … for __typename" with
      // @interfaceObject): ApolloGateway would fail the request before either executor runs.
      return undefined;
    }
  }

  private runAll(engine: Engine, documents: FuzzDocument[]): Promise<Answer[]> {
    return Promise.all(documents.map((document) => runDocument(engine, document, this.schemas, this.subgraphs)));
  }
}
