import { describe, expect, it } from 'vitest';
import { openPublishKey, publishKey, verifyPublishKey } from '../src/governance/publish-key.js';

const secret = 'a-shared-secret-of-at-least-32-characters';

describe('publish keys', () => {
  it('are derived per subgraph and verify for that subgraph only', () => {
    const licences = publishKey(secret, 'licences');
    expect(licences).toMatch(/^ggpk1\.licences\.[A-Za-z0-9_-]{43}$/);
    expect(publishKey(secret, 'licences')).toBe(licences);
    expect(verifyPublishKey(secret, 'licences', licences)).toEqual({ ok: true, subgraph: 'licences' });
    expect(verifyPublishKey(secret, 'identity', licences)).toEqual({ ok: false, status: 403, reason: 'this key publishes licences, not identity' });
  });

  it('cannot be forged by renaming the subgraph in a key, or made under another secret', () => {
    const licences = publishKey(secret, 'licences');
    const renamed = licences.replace('.licences.', '.identity.');
    expect(verifyPublishKey(secret, 'identity', renamed)).toMatchObject({ ok: false, status: 401 });
    expect(verifyPublishKey(secret, 'licences', publishKey(`${secret}-other`, 'licences'))).toMatchObject({ ok: false, status: 401 });
    expect(openPublishKey(secret, undefined)).toMatchObject({ ok: false, status: 401 });
    expect(openPublishKey(secret, 'Bearer nonsense')).toMatchObject({ ok: false, status: 401, reason: 'malformed publish key' });
  });

  it('are only made for subgraph names', () => {
    expect(() => publishKey(secret, 'Not A Name')).toThrow(/not a subgraph name/);
    expect(publishKey(secret, 'housing-fund')).toMatch(/^ggpk1\.housing-fund\./);
  });
});
