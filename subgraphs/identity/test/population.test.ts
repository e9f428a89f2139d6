import { describe, expect, it } from 'vitest';
import { isCreditCode, parseResidentId } from '@govgraph/kit';
import { generatePopulation } from '@govgraph/kit';

describe('demo population', () => {
  const population = generatePopulation({ persons: 2_000, enterprises: 400 });

  it('is deterministic', () => {
    const again = generatePopulation({ persons: 2_000, enterprises: 400 });
    expect(again.persons.slice(0, 50)).toEqual(population.persons.slice(0, 50));
    expect(again.enterprises.at(-1)).toEqual(population.enterprises.at(-1));
  });

  it('holds valid, unique identifiers whose birth date and gender match the ID', () => {
    const ids = new Set(population.persons.map((p) => p.idNumber));
    expect(ids.size).toBe(population.persons.length);
    expect(new Set(population.persons.map((p) => p.mobile)).size).toBe(population.persons.length);
    for (const person of population.persons) {
      const parsed = parseResidentId(person.idNumber);
      expect(parsed).toMatchObject({ birthDate: person.birthDate, gender: person.gender, divisionCode: person.divisionCode });
    }
    for (const enterprise of population.enterprises) expect(isCreditCode(enterprise.creditCode)).toBe(true);
    expect(new Set(population.enterprises.map((e) => e.creditCode)).size).toBe(population.enterprises.length);
  });

  it('spreads people over the ten districts, 大鹏新区 included', () => {
    const districts = new Set(population.persons.map((p) => p.divisionCode));
    expect(districts.size).toBe(9);
    expect(population.persons.some((p) => p.addressDetail.startsWith('大鹏新区'))).toBe(true);
  });

  it('gives every enterprise a legal representative and some agents, a share of them expired', () => {
    const personIds = new Set(population.persons.map((p) => p.id));
    for (const enterprise of population.enterprises) expect(personIds.has(enterprise.legalRepresentativeId)).toBe(true);
    expect(population.agents.length).toBeGreaterThan(200);
    expect(population.agents.some((a) => a.validTo !== null && a.validTo < '2025-01-01')).toBe(true);
  });
});

describe('the shared demo population', () => {
  it('keeps the identifiers of the fixed demo accounts out of the generated ones', async () => {
    const { DEMO_POPULATION_OPTIONS } = await import('@govgraph/kit');
    const { DEMO_PERSONS, DEMO_ENTERPRISES } = await import('../src/seed/demo-people.js');
    const identifiers = [...DEMO_PERSONS.flatMap((p) => [p.idNumber, p.mobile]), ...DEMO_ENTERPRISES.map((e) => e.creditCode)];
    expect([...DEMO_POPULATION_OPTIONS.taken].sort()).toEqual(identifiers.sort());
  });
});
