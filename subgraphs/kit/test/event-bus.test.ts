import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { connectRedis } from '../src/redis.js';
import {
  CASE_DECISION_STREAM,
  DATA_ACCESS_STREAM,
  EVENT_MAX_AGE_MS,
  FileEventBus,
  LICENCE_STATUS_STREAM,
  RedisEventBus,
  createEventBus,
  eventSigningText,
  sealEvent,
  type BusEvent,
  type DataAccessEvent,
  type EventBus,
  type EventBusTrust,
  type EventEnvelope,
} from '../src/events/index.js';
import { serviceMetrics } from '../src/metrics/index.js';
import type { PartyCredentials } from '../src/trust/key-locations.js';
import type { PartyKeys } from '../src/trust/party-keys.js';
import { REDIS_URL, serviceAvailable, testParties, writeRawEvent } from '../src/testing/index.js';

const log = createLogger('test', process.env.BUS_LOG ?? 'silent');
const parties = testParties(['applications', 'licences', 'identity', 'catalog']);
const redisUp = await serviceAvailable('Redis', REDIS_URL);

// 20 s: only a failure waits that long, and a CI run beside the whole-graph tests can be slow.
async function until(condition: () => boolean | Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Counts refusals as the service metrics would, so each test sees its own. */
function refusalRecorder(): EventBusTrust['eventsRefused'] & { seen: Array<{ stream: string; reason: string }> } {
  const seen: Array<{ stream: string; reason: string }> = [];
  return { seen, inc: (labels) => void seen.push({ ...labels }) };
}

/** Two buses stand for two processes: what one publishes, the other consumes once, in order, even after a failure. */
function busContract(open: () => { publisher: EventBus; consumer: EventBus }) {
  const buses: EventBus[] = [];
  afterAll(async () => Promise.all(buses.map((b) => b.close())));

  it('delivers in order across processes and redelivers after a failed handler', async () => {
    const { publisher, consumer } = open();
    buses.push(publisher, consumer);
    const seen: BusEvent[] = [];
    let failOnce = true;
    consumer.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => {
      if (failOnce && (event.payload as { n: number }).n === 2) {
        failOnce = false;
        throw new Error('transient');
      }
      seen.push(event);
    });
    for (const n of [1, 2, 3]) await publisher.publish(CASE_DECISION_STREAM, { n });
    await until(() => seen.length >= 3);
    expect(seen.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(3);
    expect(seen.every((e) => e.publisher === 'applications')).toBe(true);
  });
}

/**
 * One department's process on the bus: `party` signs what `bus` publishes and verifies what it
 * reads. `writeRaw` writes an entry around the bus, as anyone who reaches Redis or the file can.
 */
interface BusRig {
  bus(party: PartyCredentials, refused?: EventBusTrust['eventsRefused']): EventBus;
  /** Text for the envelope field/column; an object for other Redis fields (the file bus has one column). */
  writeRaw(stream: string, entry: string | Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** An envelope signed by `signer` but claiming any publisher and stream: what sealEvent would never make. */
function forge(signer: PartyKeys, fields: { publisher: string; stream: string; payload: unknown; at?: Date }): string {
  const unsigned = {
    publisher: fields.publisher,
    stream: fields.stream,
    id: randomBytes(16).toString('base64url'),
    at: (fields.at ?? new Date()).toISOString(),
    payload: JSON.stringify(fields.payload),
  };
  return JSON.stringify({ v: 1, ...unsigned, sig: signer.signCompact(eventSigningText(unsigned)) } satisfies EventEnvelope);
}

const fakeOfficerRead: DataAccessEvent = {
  applicantId: 'P-000001',
  at: new Date().toISOString(),
  accessorAccountId: 'officer-1',
  departmentCode: 'police',
  purpose: 'curiosity',
  caseId: null,
  fields: ['identity.profileFacts'],
};

/**
 * The consumer's side of signed events, for one bus: only what the stream's publisher signed is
 * handed to a handler, once; everything else is refused, counted, and never applied.
 */
function signedEventContract(openRig: () => BusRig) {
  const rigs: BusRig[] = [];
  afterAll(async () => Promise.all(rigs.map((rig) => rig.close())));

  /** licences consuming case decisions, applications publishing them; `sentinel` ends a test's entries. */
  function caseDecisions() {
    const rig = openRig();
    rigs.push(rig);
    const refused = refusalRecorder();
    const consumer = rig.bus(parties.licences, refused);
    const publisher = rig.bus(parties.applications);
    const seen: BusEvent[] = [];
    consumer.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => void seen.push(event));
    const ns = () => seen.map((e) => (e.payload as { n: number }).n);
    /** Published after the entries under test: once it is seen, every earlier entry was read. */
    const sentinel = async () => {
      await publisher.publish(CASE_DECISION_STREAM, { n: 999 });
      await until(() => ns().includes(999));
    };
    return { rig, refused, publisher, seen, ns, sentinel };
  }

  it("delivers a signed event from the stream's publisher once, with its publisher, id and time", async () => {
    const { publisher, seen, ns, refused, sentinel } = caseDecisions();
    await publisher.publish(CASE_DECISION_STREAM, { n: 1 });
    await sentinel();
    expect(ns()).toEqual([1, 999]);
    expect(seen[0]).toMatchObject({ stream: CASE_DECISION_STREAM, publisher: 'applications', payload: { n: 1 } });
    expect(seen[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.now() - Date.parse(seen[0]!.at)).toBeLessThan(10_000);
    expect(refused.seen).toEqual([]);
  });

  it('refuses an unsigned entry written straight into the stream (a fake officer read for the data-access log)', async () => {
    const rig = openRig();
    rigs.push(rig);
    const refused = refusalRecorder();
    const identity = rig.bus(parties.identity, refused);
    const licences = rig.bus(parties.licences);
    const recorded: DataAccessEvent[] = [];
    identity.subscribe(DATA_ACCESS_STREAM, 'identity', async (event) => void recorded.push(event.payload as DataAccessEvent));
    await rig.writeRaw(DATA_ACCESS_STREAM, { payload: JSON.stringify(fakeOfficerRead) });
    await rig.writeRaw(DATA_ACCESS_STREAM, JSON.stringify(fakeOfficerRead));
    await rig.writeRaw(
      DATA_ACCESS_STREAM,
      JSON.stringify({
        v: 1,
        publisher: 'licences',
        stream: DATA_ACCESS_STREAM,
        id: 'x'.repeat(22),
        at: new Date().toISOString(),
        payload: JSON.stringify(fakeOfficerRead),
        sig: '',
      }),
    );
    const genuine: DataAccessEvent = { ...fakeOfficerRead, purpose: 'case review', caseId: 'C-1', fields: ['licences.licence'] };
    await licences.publish(DATA_ACCESS_STREAM, genuine);
    await until(() => recorded.length > 0);
    expect(recorded).toEqual([genuine]);
    expect(refused.seen).toEqual([
      { stream: DATA_ACCESS_STREAM, reason: 'unsigned' },
      { stream: DATA_ACCESS_STREAM, reason: 'unsigned' },
      { stream: DATA_ACCESS_STREAM, reason: 'unsigned' },
    ]);
  });

  it("refuses an event signed with another department's key", async () => {
    const { rig, ns, refused, sentinel } = caseDecisions();
    // licences' key, claiming to be applications (the stream's publisher).
    await rig.writeRaw(CASE_DECISION_STREAM, forge(parties.licences.keys, { publisher: 'applications', stream: CASE_DECISION_STREAM, payload: { n: 1 } }));
    await sentinel();
    expect(ns()).toEqual([999]);
    expect(refused.seen).toEqual([{ stream: CASE_DECISION_STREAM, reason: 'unknown-key' }]);
  });

  it('refuses an event on a stream its signer may not publish', async () => {
    const { rig, ns, refused, sentinel } = caseDecisions();
    // Correctly signed by licences, but case decisions are applications' to publish.
    await rig.writeRaw(CASE_DECISION_STREAM, forge(parties.licences.keys, { publisher: 'licences', stream: CASE_DECISION_STREAM, payload: { n: 1 } }));
    // A genuine licences event copied onto the case-decision stream keeps its signed stream.
    await rig.writeRaw(CASE_DECISION_STREAM, sealEvent(parties.licences.keys, LICENCE_STATUS_STREAM, { n: 2 }).text);
    await sentinel();
    expect(ns()).toEqual([999]);
    expect(refused.seen.map((r) => r.reason)).toEqual(['publisher-not-allowed', 'wrong-stream']);
  });

  it('refuses an altered payload', async () => {
    const { rig, ns, refused, sentinel } = caseDecisions();
    const { envelope } = sealEvent(parties.applications.keys, CASE_DECISION_STREAM, { n: 1, status: 'REJECTED' });
    await rig.writeRaw(CASE_DECISION_STREAM, JSON.stringify({ ...envelope, payload: JSON.stringify({ n: 1, status: 'APPROVED' }) }));
    await rig.writeRaw(CASE_DECISION_STREAM, JSON.stringify({ ...envelope, at: new Date(Date.parse(envelope.at) + 1).toISOString() }));
    await sentinel();
    expect(ns()).toEqual([999]);
    expect(refused.seen.map((r) => r.reason)).toEqual(['bad-signature', 'bad-signature']);
  });

  it('refuses the same signed envelope added twice, and keeps refusing it in a new consumer process of the group', async () => {
    const { rig, ns, refused, sentinel } = caseDecisions();
    const { text } = sealEvent(parties.applications.keys, CASE_DECISION_STREAM, { n: 1 });
    await rig.writeRaw(CASE_DECISION_STREAM, text);
    await rig.writeRaw(CASE_DECISION_STREAM, text);
    await sentinel();
    expect(ns()).toEqual([1, 999]);
    expect(refused.seen).toEqual([{ stream: CASE_DECISION_STREAM, reason: 'replayed' }]);

    // Another replica of the same group: the handled id is shared, not per process.
    const replicaRefused = refusalRecorder();
    const replica = rig.bus(parties.licences, replicaRefused);
    const replicaSeen: number[] = [];
    replica.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => void replicaSeen.push((event.payload as { n: number }).n));
    await rig.writeRaw(CASE_DECISION_STREAM, text);
    // (Two buses of one process share a Redis consumer name, so both may refuse the entry.)
    await until(() => refused.seen.length + replicaRefused.seen.length >= 2);
    expect([...ns(), ...replicaSeen]).toEqual([1, 999]);
    expect([...refused.seen, ...replicaRefused.seen].every((r) => r.reason === 'replayed')).toBe(true);
  });

  it("refuses a data-access read naming another department's fields", async () => {
    const rig = openRig();
    rigs.push(rig);
    const refused = refusalRecorder();
    const identity = rig.bus(parties.identity, refused);
    const licences = rig.bus(parties.licences);
    const recorded: DataAccessEvent[] = [];
    identity.subscribe(DATA_ACCESS_STREAM, 'identity', async (event) => void recorded.push(event.payload as DataAccessEvent));
    // licences' own key, but reporting a read of identity's data (or none at all); its bus would not even send these.
    const asLicences = (payload: DataAccessEvent) => forge(parties.licences.keys, { publisher: 'licences', stream: DATA_ACCESS_STREAM, payload });
    await rig.writeRaw(DATA_ACCESS_STREAM, asLicences(fakeOfficerRead));
    await rig.writeRaw(DATA_ACCESS_STREAM, asLicences({ ...fakeOfficerRead, fields: ['licences.licence', 'applications.document'] }));
    await rig.writeRaw(DATA_ACCESS_STREAM, asLicences({ ...fakeOfficerRead, fields: [] }));
    await expect(licences.publish(DATA_ACCESS_STREAM, fakeOfficerRead)).rejects.toThrow(/licences may not publish this on data-access/);
    const own = { ...fakeOfficerRead, fields: ['licences.licences'] };
    await licences.publish(DATA_ACCESS_STREAM, own);
    await until(() => recorded.length > 0);
    expect(recorded).toEqual([own]);
    expect(refused.seen.map((r) => r.reason)).toEqual(['out-of-scope', 'out-of-scope', 'out-of-scope']);
  });

  it('refuses an event older than consumers remember handled ids, and one dated in the future', async () => {
    const { rig, ns, refused, sentinel } = caseDecisions();
    await rig.writeRaw(CASE_DECISION_STREAM, sealEvent(parties.applications.keys, CASE_DECISION_STREAM, { n: 1 }, new Date(Date.now() - EVENT_MAX_AGE_MS - 60_000)).text);
    await rig.writeRaw(CASE_DECISION_STREAM, sealEvent(parties.applications.keys, CASE_DECISION_STREAM, { n: 2 }, new Date(Date.now() + 60 * 60_000)).text);
    await sentinel();
    expect(ns()).toEqual([999]);
    expect(refused.seen.map((r) => r.reason)).toEqual(['expired', 'future-dated']);
  });

  it('will not publish on a stream its party may not publish', async () => {
    const rig = openRig();
    rigs.push(rig);
    await expect(rig.bus(parties.licences).publish(CASE_DECISION_STREAM, { n: 1 })).rejects.toThrow(/licences may not publish on case-decisions/);
  });
}

describe('file event bus (the embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  busContract(() => ({
    publisher: new FileEventBus(dir, log, { party: parties.applications, eventsRefused: refusalRecorder() }),
    consumer: new FileEventBus(dir, log, { party: parties.licences, eventsRefused: refusalRecorder() }),
  }));
  signedEventContract(() => {
    const rigDir = mkdtempSync(join(dir, 'rig-'));
    const buses: EventBus[] = [];
    return {
      bus(party, refused = refusalRecorder()) {
        const bus = new FileEventBus(rigDir, log, { party, eventsRefused: refused });
        buses.push(bus);
        return bus;
      },
      // Straight into the shared file, as any process that can write DATA_DIR could.
      writeRaw: (stream, entry) => writeRawEvent({ dataDir: rigDir }, stream, typeof entry === 'string' ? entry : (entry.payload ?? JSON.stringify(entry))),
      async close() {
        await Promise.all(buses.map((b) => b.close()));
      },
    };
  });

  it("counts refused events in the service's metrics when built by createEventBus", async () => {
    const rigDir = mkdtempSync(join(dir, 'metrics-'));
    const bus = createEventBus({ redisPrefix: 'unused:', dataDir: rigDir, log, party: parties.identity });
    const handled: unknown[] = [];
    bus.subscribe(DATA_ACCESS_STREAM, 'identity', async (event) => void handled.push(event));
    await writeRawEvent({ dataDir: rigDir }, DATA_ACCESS_STREAM, JSON.stringify(fakeOfficerRead));
    const counted = async () => (await serviceMetrics('identity').eventsRefused.get()).values.find((v) => v.labels.reason === 'unsigned')?.value ?? 0;
    await until(async () => (await counted()) === 1);
    expect(await serviceMetrics('identity').registry.metrics()).toContain('govgraph_events_refused_total{stream="data-access",reason="unsigned",service="identity"} 1');
    expect(handled).toEqual([]);
    await bus.close();
  });
});

describe.runIf(redisUp)('Redis event bus', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  afterAll(() => dropKeys(prefix));
  busContract(() => ({
    publisher: new RedisEventBus(REDIS_URL, prefix, log, { party: parties.applications, eventsRefused: refusalRecorder() }),
    consumer: new RedisEventBus(REDIS_URL, prefix, log, { party: parties.licences, eventsRefused: refusalRecorder() }),
  }));
  signedEventContract(() => {
    const rigPrefix = `${prefix}${randomBytes(4).toString('hex')}:`;
    const buses: EventBus[] = [];
    return {
      bus(party, refused = refusalRecorder()) {
        // Named as createEventBus names it, so writeRawEvent finds the same streams.
        const bus = new RedisEventBus(REDIS_URL, `${rigPrefix}events:`, log, { party, eventsRefused: refused });
        buses.push(bus);
        return bus;
      },
      // One XADD, as anyone who reaches Redis could.
      writeRaw: (stream, entry) => writeRawEvent({ redisUrl: REDIS_URL, redisPrefix: rigPrefix }, stream, entry),
      async close() {
        await Promise.all(buses.map((b) => b.close()));
      },
    };
  });
});

/** Removes this run's streams and handled ids (kept for days otherwise). */
async function dropKeys(prefix: string): Promise<void> {
  const admin = connectRedis(REDIS_URL, log);
  await admin.ready;
  for await (const batch of admin.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    const keys = ([] as string[]).concat(batch as string | string[]);
    if (keys.length > 0) await admin.client.del(keys);
  }
  await admin.close();
}

describe.runIf(redisUp)('Redis event bus after Redis lost its data (a restart without persistence)', () => {
  const prefix = `govgraph-test:${randomBytes(4).toString('hex')}:`;
  const buses: EventBus[] = [];
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await dropKeys(prefix);
  });

  it('makes its consumer group again and goes on delivering', async () => {
    const publisher = new RedisEventBus(REDIS_URL, prefix, log, { party: parties.applications, eventsRefused: refusalRecorder() });
    const consumer = new RedisEventBus(REDIS_URL, prefix, log, { party: parties.licences, eventsRefused: refusalRecorder() });
    buses.push(publisher, consumer);
    const seen: number[] = [];
    consumer.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => void seen.push((event.payload as { n: number }).n));
    await publisher.publish(CASE_DECISION_STREAM, { n: 1 });
    await until(() => seen.length === 1);

    // Only this test's own key: the stream and its consumer group vanish, as on an empty restart.
    const admin = connectRedis(REDIS_URL, log);
    await admin.ready;
    await admin.client.del(`${prefix}${CASE_DECISION_STREAM}`);
    await admin.close();

    await publisher.publish(CASE_DECISION_STREAM, { n: 2 });
    await until(() => seen.length === 2, 8_000);
    expect(seen).toEqual([1, 2]);
  });
});

describe.runIf(hasRedisServer())('Redis event bus while Redis is away', () => {
  const buses: EventBus[] = [];
  let server: ChildProcess | undefined;
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    server?.kill('SIGKILL');
  });

  it('keeps what is published meanwhile and publishes it, in order, once Redis is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    server = await startRedisServer(port);
    const publisher = new RedisEventBus(url, 'away:', log, { party: parties.applications, eventsRefused: refusalRecorder() });
    const consumer = new RedisEventBus(url, 'away:', log, { party: parties.licences, eventsRefused: refusalRecorder() });
    buses.push(publisher, consumer);
    const seen: number[] = [];
    consumer.subscribe(CASE_DECISION_STREAM, 'licences', async (event) => void seen.push((event.payload as { n: number }).n));
    await publisher.publish(CASE_DECISION_STREAM, { n: 1 });
    await until(() => seen.length === 1);

    await stopRedisServer(server);
    // Published while Redis is down: neither thrown nor lost.
    expect(await publisher.publish(CASE_DECISION_STREAM, { n: 2 })).toMatch(/^pending:/);
    expect(await publisher.publish(CASE_DECISION_STREAM, { n: 3 })).toMatch(/^pending:/);

    server = await startRedisServer(port); // empty, as a restart without persistence
    await until(() => seen.length === 3, 15_000);
    expect(seen).toEqual([1, 2, 3]);
  });
});

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await until(async () => {
    const probe = connectRedis(url, createLogger('probe', 'silent'));
    await probe.ready;
    const up = probe.client.isReady;
    await probe.close();
    return up;
  }, 5_000);
  return child;
}

async function stopRedisServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
