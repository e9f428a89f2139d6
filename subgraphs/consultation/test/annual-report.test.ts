import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_DEPARTMENTS, DEPARTMENTS, type Database } from '@govgraph/kit';
import type { ConsultationTables } from '../src/database.js';
import { HALL_2017 } from '../src/seed/tallies-2017.js';
import { codeOf, fieldOf, freshDatabase, run } from './harness.js';

const SECTION = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AnnualReport { departmentCode year consultationAndComplaints {
  onSiteConsultations consultationsAnswered answeredInTimeRate byChannel { channel received answered answeredInTime }
  complaintsReceived complaintsClosed coordinations averageRating praise { letters banners plaques } } } } }`;

const report = (database: Database<ConsultationTables>, reps: object[]) => run(database, SECTION, { reps: reps.map((r) => ({ __typename: 'AnnualReport', ...r })) }, null);

describe('the annual report section', () => {
  let database: Database<ConsultationTables>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives the hall office's 2017 exactly as its report does, to anyone", async () => {
    const result = await report(database, [{ departmentCode: DEPARTMENTS.dataAdministration.code, year: 2017 }]);
    expect(result.errors).toBeUndefined();
    const section = result.data!._entities[0].consultationAndComplaints;
    expect(section.onSiteConsultations).toBe(HALL_2017.onSiteConsultations);
    expect(section.onSiteConsultations).toBe(152_762);
    expect(section.consultationsAnswered).toBe(146_859);
    expect(section.coordinations).toBe(59);
    expect(section.praise).toEqual({ letters: 125, banners: 134, plaques: 2 });
    expect(section.complaintsReceived).toBeGreaterThan(59);
    expect(section.complaintsClosed).toBe(section.complaintsReceived);
    expect(section.averageRating).toBeGreaterThanOrEqual(3);
    expect(section.averageRating).toBeLessThanOrEqual(5);
    // Nearly all answered in time; a little more received than answered on the remote channels.
    expect(section.answeredInTimeRate).toBeGreaterThan(0.97);
    expect(section.answeredInTimeRate).toBeLessThan(1);
    expect(section.byChannel.map((c: { channel: string }) => c.channel)).toEqual(['HALL_DESK', 'HOTLINE_12345', 'WEBSITE', 'WECHAT']);
    const desk = section.byChannel[0];
    expect(desk).toEqual({ channel: 'HALL_DESK', received: 152_762, answered: 152_762, answeredInTime: 152_762 });
    const remote = section.byChannel.slice(1) as Array<{ received: number; answered: number }>;
    expect(remote.reduce((s, c) => s + c.answered, 0)).toBe(146_859);
    const received = remote.reduce((s, c) => s + c.received, 0);
    expect(received).toBeGreaterThan(146_859);
    expect(received).toBeLessThan(146_859 * 1.01);
  });

  it('answers several departments and years in one batch, zeros where nothing happened', async () => {
    const result = await report(database, [
      { departmentCode: DEPARTMENTS.dataAdministration.code, year: 2017 },
      { departmentCode: CITY_DEPARTMENTS[20]!.code, year: 2017 },
      { departmentCode: DEPARTMENTS.trafficPolice.code, year: 2026 },
    ]);
    expect(result.errors).toBeUndefined();
    const [hall, quiet, police] = result.data!._entities.map((e: { consultationAndComplaints: unknown }) => e.consultationAndComplaints);
    expect(hall.onSiteConsultations).toBe(152_762);
    expect(quiet).toMatchObject({
      onSiteConsultations: 0,
      consultationsAnswered: 0,
      answeredInTimeRate: null,
      averageRating: null,
      praise: { letters: 0, banners: 0, plaques: 0 },
    });
    expect(quiet.byChannel).toHaveLength(4);
    expect(police.consultationsAnswered).toBeGreaterThan(0);
    expect(police.complaintsClosed).toBe(1);
    expect(police.averageRating).toBe(5);
  });

  it('refuses representations for nonsense keys', async () => {
    const unknown = await report(database, [{ departmentCode: '91440300MA5ABCDE1X', year: 2017 }]);
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'departmentCode']);
    for (const year of [1999, 2027, 2017.5, '2017']) {
      const result = await report(database, [{ departmentCode: DEPARTMENTS.dataAdministration.code, year }]);
      expect([codeOf(result), fieldOf(result)]).toEqual(['BAD_USER_INPUT', 'year']);
    }
  });
});
