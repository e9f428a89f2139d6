import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, KNOWN_SUBGRAPHS, SUBGRAPH_REGISTRY, parseSubgraphRegistry, subgraphConfig, subgraphEnvPrefix, type RegisteredSubgraph } from '../src/index.js';

const known: RegisteredSubgraph[] = KNOWN_SUBGRAPHS.map((name, i) => ({ name, port: 4001 + i, package: `@govgraph/${name}`, dir: `subgraphs/${name}` }));
const registry = (subgraphs: unknown[]) => JSON.stringify({ subgraphs });

describe('the subgraph registry', () => {
  it('holds the four departments on the ports docs/design.md names, first and in composition order', () => {
    expect(SUBGRAPH_REGISTRY.slice(0, 4).map((s) => [s.name, s.port])).toEqual([
      ['catalog', 4001],
      ['identity', 4002],
      ['licences', 4003],
      ['applications', 4004],
    ]);
    expect(DEFAULT_PORTS.gateway).toBe(4000);
    expect(DEFAULT_PORTS.licences).toBe(4003);
    for (const entry of SUBGRAPH_REGISTRY) expect(DEFAULT_PORTS[entry.name]).toBe(entry.port);
  });

  it('accepts a fifth department and derives its environment prefix', () => {
    const entries = parseSubgraphRegistry(registry([...known, { name: 'housing-fund', port: 4005, package: '@govgraph/housing-fund', dir: 'subgraphs/housing-fund' }]));
    expect(entries.map((e) => e.name)).toEqual([...KNOWN_SUBGRAPHS, 'housing-fund']);
    expect(subgraphEnvPrefix('housing-fund')).toBe('HOUSING_FUND');
  });

  it('refuses bad names, duplicates, taken ports and a registry without the four', () => {
    const extra = (entry: object) => registry([...known, { package: '@govgraph/x', dir: 'subgraphs/x', ...entry }]);
    expect(() => parseSubgraphRegistry(extra({ name: 'Housing_Fund', port: 4005 }))).toThrow(/kebab-case/);
    expect(() => parseSubgraphRegistry(extra({ name: 'catalog', port: 4005 }))).toThrow(/listed twice/);
    expect(() => parseSubgraphRegistry(extra({ name: 'housing-fund', port: 4003 }))).toThrow(/port 4003 is already licences's/);
    expect(() => parseSubgraphRegistry(extra({ name: 'housing-fund', port: 4000 }))).toThrow(/gateway's/);
    expect(() => parseSubgraphRegistry(extra({ name: 'housing-fund', port: 'x' }))).toThrow(/port must be/);
    expect(() => parseSubgraphRegistry(registry(known.slice(1)))).toThrow(/lacks catalog/);
    expect(() => parseSubgraphRegistry('{')).toThrow(/not JSON/);
  });

  it('configures a department from its own variables', () => {
    expect(subgraphConfig('licences', {}).port).toBe(4003);
    const config = subgraphConfig('housing-fund', { HOUSING_FUND_PORT: '0', HOUSING_FUND_DATABASE_URL: 'postgres://db/hf' });
    expect(config).toMatchObject({ name: 'housing-fund', port: 0, databaseUrl: 'postgres://db/hf' });
    expect(() => subgraphConfig('housing-fund', {})).toThrow(/not in subgraphs\/registry.json: set HOUSING_FUND_PORT/);
  });
});
