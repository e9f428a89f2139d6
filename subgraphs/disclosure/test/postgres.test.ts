import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, openDatabase, prepareDatabase, readPageArgs, type Database } from '@govgraph/kit';
import { createScratchSchema, postgresAvailable } from '@govgraph/kit/testing';
import type { DisclosureTables } from '../src/database.js';
import { ReportRepository } from '../src/report/report.repository.js';
import { RequestRepository } from '../src/request/request.repository.js';
import { disclosureService } from '../src/server.js';
import { log } from './harness.js';

const zwsj = DEPARTMENTS.dataAdministration.code;

/** The same migrations, seed, report queries and writes on PostgreSQL (skipped with a notice where there is none). */
describe.runIf(await postgresAvailable())('disclosure on PostgreSQL', () => {
  let database: Database<DisclosureTables>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await createScratchSchema();
    drop = scratch.drop;
    database = openDatabase<DisclosureTables>({ name: 'disclosure', dataDir: '', url: scratch.url });
    await prepareDatabase(disclosureService, database, log);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('migrates, seeds and counts 2017 as on SQLite', async () => {
    const reports = new ReportRepository(database.db);
    const [proactive] = await reports.proactive([`${zwsj}|2017`]);
    expect(proactive!.byCategory.map((c) => c.releases)).toEqual([10, 108, 10, 0]);
    expect(proactive!.byChannel.find((c) => c.channel === 'WECHAT')).toMatchObject({ posts: 251, followers: 38_229 });
    const [requests] = await reports.requests([`${zwsj}|2017`]);
    expect(requests!.onRequest.received + requests!.onRequest.answered + requests!.fees.totalYuan).toBe(0);
  });

  it('pages the queue by keyset and writes each change in one conditional transaction', async () => {
    const requests = new RequestRepository(database.db);
    const first = await requests.queue(zwsj, ['RECEIVED', 'EXTENDED', 'ANSWERED'], { ...readPageArgs('q', { first: 2 }), cursor: null });
    expect(first.rows).toHaveLength(2);
    const last = first.rows.at(-1)!;
    const next = await requests.queue(zwsj, ['RECEIVED', 'EXTENDED', 'ANSWERED'], { size: 2, backward: false, cursor: { sortKey: last.dueOn, id: last.id } });
    expect(next.hasPreviousPage).toBe(true);
    const created = await requests.create({
      requesterId: 'P-000001',
      submittedBy: 'P-000001',
      departmentCode: zwsj,
      description: '申请公开测试信息十个字以上',
      receivedOn: '2026-11-02',
      dueOn: '2026-11-30',
    });
    expect(created.id).toBe('DQ-000013');
    expect(await requests.extend(created.id, { days: 5, reason: '测试', decidedOn: '2026-11-03', dueOn: '2026-12-07' })).toMatchObject({ status: 'EXTENDED', dueOn: '2026-12-07' });
    expect(await requests.extend(created.id, { days: 5, reason: '测试', decidedOn: '2026-11-03', dueOn: '2026-12-07' })).toBeNull();
    expect(await requests.answer(created.id, { outcome: 'DISCLOSED' as never, refusalGround: null, repliedOn: '2026-11-04' })).toMatchObject({ status: 'ANSWERED' });
    expect(await requests.answer(created.id, { outcome: 'DISCLOSED' as never, refusalGround: null, repliedOn: '2026-11-04' })).toBeNull();
  });
});
