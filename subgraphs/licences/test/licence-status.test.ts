import { describe, expect, it } from 'vitest';
import { STATUS_CODES, effectiveStatus } from '../src/licence/licence-status.js';
import { LicenceStatus } from '../src/licence/licence.enums.js';

describe('licence status', () => {
  it('maps the national codes both ways', () => {
    expect(STATUS_CODES[LicenceStatus.VALID]).toBe('01');
    expect(STATUS_CODES[LicenceStatus.PENALTY_REVOKED]).toBe('07');
    expect(effectiveStatus('03', null, '2026-11-26')).toBe(LicenceStatus.REVOKED);
    expect(effectiveStatus('42', null, '2026-11-26')).toBe(LicenceStatus.OTHER);
  });

  it('reads a valid licence past its validTo as expired, without a batch job', () => {
    expect(effectiveStatus('01', '2026-11-26', '2026-11-26')).toBe(LicenceStatus.VALID);
    expect(effectiveStatus('01', '2026-11-25', '2026-11-26')).toBe(LicenceStatus.EXPIRED);
    expect(effectiveStatus('01', null, '2099-01-01')).toBe(LicenceStatus.VALID);
    // A suspended licence stays suspended after its end date: the stronger fact wins.
    expect(effectiveStatus('02', '2020-01-01', '2026-11-26')).toBe(LicenceStatus.SUSPENDED);
  });
});
