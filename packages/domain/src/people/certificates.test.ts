import { describe, expect, it } from 'vitest';
import { highestCertificate, registrationStatus } from './certificates.ts';
import type { Certificate } from './person.ts';
import { RULES, withRules } from './test-fixtures.ts';

const cert = (c: Partial<Certificate> = {}): Certificate => ({
  level: 'social_worker',
  number: 'SW2023450600123',
  obtainedOn: '2023-06-18',
  ...c,
});

describe('the highest certificate held (CERT_LEVELS order)', () => {
  const person = {
    certificates: [
      cert({ level: 'assistant', number: 'A1', obtainedOn: '2019-06-20' }),
      cert({ level: 'social_worker', number: 'S1', obtainedOn: '2024-06-22' }),
    ],
  };

  it('counts a certificate from the day it was obtained', () => {
    expect(highestCertificate(person, '2019-06-19')).toBe('none');
    expect(highestCertificate(person, '2019-06-20')).toBe('assistant');
    expect(highestCertificate(person, '2024-06-21')).toBe('assistant');
    expect(highestCertificate(person, '2024-06-22')).toBe('social_worker');
  });

  it('takes the highest level whatever the order they are listed in', () => {
    const reversed = { certificates: [...person.certificates].reverse() };
    expect(highestCertificate(reversed, '2026-03-01')).toBe('social_worker');
    expect(highestCertificate({ certificates: [] }, '2026-03-01')).toBe('none');
  });
});

describe('registration status (N-4: 3 years, renewal in the 3 months before expiry)', () => {
  // Registered 2023-07-01: 2023-07-01 + 3 years − 1 day = 2026-06-30 is the last valid day.
  // It lapses at the start of 2026-07-01; 3 months before that is 2026-04-01, when renewal opens.
  const registered = cert({ registeredOn: '2023-07-01' });

  it('is valid the day before the renewal window opens', () => {
    // 2026-03-31 → 2026-06-30: 30 (April) + 31 (May) + 30 (June) + 0 = 91 days left.
    expect(registrationStatus(registered, '2026-03-31', RULES)).toEqual({
      number: 'SW2023450600123',
      level: 'social_worker',
      status: 'valid',
      registeredOn: '2023-07-01',
      expiresOn: '2026-06-30',
      renewalOpensOn: '2026-04-01',
      daysLeft: 91,
      ruleId: 'N-4',
    });
  });

  it('is expiring from the first day of the renewal window', () => {
    const s = registrationStatus(registered, '2026-04-01', RULES);
    expect(s.status).toBe('expiring');
    expect(s.daysLeft).toBe(90);
  });

  it('is still in force (expiring) on the day it expires, and expired the next day', () => {
    expect(registrationStatus(registered, '2026-06-30', RULES)).toMatchObject({ status: 'expiring', daysLeft: 0 });
    expect(registrationStatus(registered, '2026-07-01', RULES)).toMatchObject({ status: 'expired', daysLeft: -1 });
  });

  it('uses the expiry date written on the record over the computed one', () => {
    const early = cert({ registeredOn: '2023-07-01', registrationExpiresOn: '2026-05-31' });
    expect(registrationStatus(early, '2026-06-01', RULES).status).toBe('expired');
    // The window of a registration ending 2026-05-31 opens 3 months before 2026-06-01: 2026-03-01.
    expect(registrationStatus(early, '2026-02-28', RULES).status).toBe('valid');
    expect(registrationStatus(early, '2026-03-01', RULES).status).toBe('expiring');
  });

  it('works back the registration date when only the expiry is known', () => {
    // 2026-06-30 + 1 day − 3 years = 2023-07-01.
    const s = registrationStatus(cert({ registrationExpiresOn: '2026-06-30' }), '2025-01-01', RULES);
    expect(s).toMatchObject({ status: 'valid', registeredOn: '2023-07-01', expiresOn: '2026-06-30' });
  });

  it('keeps a leap-day registration to the clamped anniversary', () => {
    // 2024-02-29 + 3 years = 2027-02-28 (no 29th), − 1 day = 2027-02-27.
    const s = registrationStatus(cert({ registeredOn: '2024-02-29' }), '2027-02-27', RULES);
    expect(s).toMatchObject({ status: 'expiring', expiresOn: '2027-02-27', daysLeft: 0 });
  });

  it('follows the rule set: 5-year validity and a 6-month window', () => {
    const rules = withRules((r) => {
      r.national.registrationValidityYears = 5;
      r.national.renewalWindowMonths = 6;
    });
    // 2023-07-01 + 5 years − 1 day = 2028-06-30; window opens 2028-07-01 − 6 months = 2028-01-01.
    expect(registrationStatus(registered, '2027-12-31', rules)).toMatchObject({
      status: 'valid',
      expiresOn: '2028-06-30',
    });
    expect(registrationStatus(registered, '2028-01-01', rules).status).toBe('expiring');
  });

  it('has no renewal window when the rule set gives 0 months', () => {
    const rules = withRules((r) => {
      r.national.renewalWindowMonths = 0;
    });
    expect(registrationStatus(registered, '2026-06-30', rules).status).toBe('valid');
    expect(registrationStatus(registered, '2026-07-01', rules).status).toBe('expired');
  });

  it('is unregistered without a registration, or before its first day', () => {
    expect(registrationStatus(cert(), '2026-03-01', RULES)).toEqual({
      number: 'SW2023450600123',
      level: 'social_worker',
      status: 'unregistered',
      ruleId: 'N-4',
    });
    expect(registrationStatus(cert({ registeredOn: '2026-03-02' }), '2026-03-01', RULES).status).toBe('unregistered');
    expect(registrationStatus(cert({ registeredOn: '2026-03-02' }), '2026-03-02', RULES).status).toBe('valid');
  });
});
