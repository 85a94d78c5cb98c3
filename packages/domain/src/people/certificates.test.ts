import { describe, expect, it } from 'vitest';
import {
  certificateProblems,
  highestCertificate,
  newCertificateProblems,
  registrationExpiry,
  registrationStatus,
} from './certificates.ts';
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
  // Registered 2023-07-01: 3 years on, 2026-07-01 is the last valid day (Civil Code art. 202).
  // It lapses at the start of 2026-07-02; 3 months before that is 2026-04-02, when renewal opens.
  const registered = cert({ registeredOn: '2023-07-01' });

  it('is valid the day before the renewal window opens', () => {
    // 2026-04-01 → 2026-07-01: 29 (April) + 31 (May) + 30 (June) + 1 = 91 days left.
    expect(registrationStatus(registered, '2026-04-01', RULES)).toEqual({
      number: 'SW2023450600123',
      level: 'social_worker',
      status: 'valid',
      registeredOn: '2023-07-01',
      expiresOn: '2026-07-01',
      renewalOpensOn: '2026-04-02',
      daysLeft: 91,
      ruleId: 'N-4',
    });
  });

  it('is expiring from the first day of the renewal window', () => {
    const s = registrationStatus(registered, '2026-04-02', RULES);
    expect(s.status).toBe('expiring');
    expect(s.daysLeft).toBe(90);
  });

  it('is still in force (expiring) on the day it expires, and expired the next day', () => {
    expect(registrationStatus(registered, '2026-07-01', RULES)).toMatchObject({ status: 'expiring', daysLeft: 0 });
    expect(registrationStatus(registered, '2026-07-02', RULES)).toMatchObject({ status: 'expired', daysLeft: -1 });
  });

  it('works back the registration date when only the expiry is known', () => {
    // 2026-07-01 − 3 years = 2023-07-01.
    const s = registrationStatus(cert({ registrationExpiresOn: '2026-07-01' }), '2025-01-01', RULES);
    expect(s).toMatchObject({ status: 'valid', registeredOn: '2023-07-01', expiresOn: '2026-07-01' });
  });

  it('follows the rule set: 5-year validity and a 6-month window', () => {
    const rules = withRules((r) => {
      r.national.registrationValidityYears = 5;
      r.national.renewalWindowMonths = 6;
    });
    // 2023-07-01 + 5 years = 2028-07-01; window opens 2028-07-02 − 6 months = 2028-01-02.
    expect(registrationStatus(registered, '2028-01-01', rules)).toMatchObject({
      status: 'valid',
      expiresOn: '2028-07-01',
    });
    expect(registrationStatus(registered, '2028-01-02', rules).status).toBe('expiring');
  });

  it('has no renewal window when the rule set gives 0 months', () => {
    const rules = withRules((r) => {
      r.national.renewalWindowMonths = 0;
    });
    expect(registrationStatus(registered, '2026-07-01', rules).status).toBe('valid');
    expect(registrationStatus(registered, '2026-07-02', rules).status).toBe('expired');
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

describe('a registration’s term, counted as the Civil Code counts periods (N-4)', () => {
  it('lasts to the matching day three years on (arts. 201–202: the day of registration is not counted)', () => {
    expect(registrationExpiry('2023-07-01', RULES)).toBe('2026-07-01');
    expect(registrationStatus(cert({ registeredOn: '2023-07-01' }), '2026-07-01', RULES)).toMatchObject({
      status: 'expiring',
      expiresOn: '2026-07-01',
      daysLeft: 0,
    });
    expect(registrationStatus(cert({ registeredOn: '2023-07-01' }), '2026-07-02', RULES).status).toBe('expired');
  });

  it('lasts to the end of February for a registration of 29 February (no matching day: the month’s last)', () => {
    expect(registrationExpiry('2024-02-29', RULES)).toBe('2027-02-28');
    const s = registrationStatus(cert({ registeredOn: '2024-02-29' }), '2027-02-28', RULES);
    expect(s).toMatchObject({ status: 'expiring', expiresOn: '2027-02-28', daysLeft: 0 });
  });

  it('takes the term from the registration date, whatever expiry was typed beside it', () => {
    const typed = cert({ registeredOn: '2020-01-10', registrationExpiresOn: '2027-01-09' });
    expect(registrationStatus(typed, '2026-03-01', RULES)).toMatchObject({
      status: 'expired',
      expiresOn: '2023-01-10',
    });
  });
});

describe('what the registry refuses in a certificate’s registration (N-4)', () => {
  it('refuses a typed expiry that disagrees with the term, naming the right one', () => {
    const seven = cert({ obtainedOn: '2019-06-01', registeredOn: '2020-01-10', registrationExpiresOn: '2027-01-09' });
    expect(certificateProblems(seven, RULES)).toEqual([
      {
        field: 'registrationExpiresOn',
        code: 'registrationTermMismatch',
        message: 'must be 2023-01-10: a registration is valid 3 years from its date (N-4)',
        amounts: { expected: '2023-01-10', years: 3 },
      },
    ]);
    const right = cert({ obtainedOn: '2019-06-01', registeredOn: '2020-01-10', registrationExpiresOn: '2023-01-10' });
    expect(certificateProblems(right, RULES)).toEqual([]);
  });

  it('refuses a registration dated before the certificate was obtained', () => {
    expect(certificateProblems(cert({ registeredOn: '2023-06-17' }), RULES)).toEqual([
      {
        field: 'registeredOn',
        code: 'registeredBeforeObtained',
        message: 'must not be before the certificate was obtained (2023-06-18) (N-4)',
        amounts: { obtainedOn: '2023-06-18' },
      },
    ]);
    expect(certificateProblems(cert({ registeredOn: '2023-06-18' }), RULES)).toEqual([]);
    // Without a rule set the term cannot be judged, but the order of the dates still can.
    expect(certificateProblems(cert({ registeredOn: '2023-06-17' }), undefined).map((p) => p.code)).toEqual([
      'registeredBeforeObtained',
    ]);
  });

  it('refuses an expiry alone that puts the registration before the certificate', () => {
    // 2026-06-01 − 3 years = 2023-06-01, before 2023-06-18.
    expect(certificateProblems(cert({ registrationExpiresOn: '2026-06-01' }), RULES)).toEqual([
      {
        field: 'registrationExpiresOn',
        code: 'registeredBeforeObtained',
        message: 'puts the registration (from 2023-06-01) before the certificate was obtained (2023-06-18) (N-4)',
        amounts: { obtainedOn: '2023-06-18', registeredOn: '2023-06-01' },
      },
    ]);
  });

  it('judges only the certificates that are new or changed, so a stored record stays editable', () => {
    const stored = cert({
      number: 'OLD',
      obtainedOn: '2019-06-01',
      registeredOn: '2020-01-10',
      registrationExpiresOn: '2027-01-09',
    });
    const added = cert({ number: 'NEW', registeredOn: '2023-06-01' });
    expect(newCertificateProblems([stored, added], [stored], RULES)).toEqual([
      expect.objectContaining({ path: '/certificates/1/registeredOn', code: 'registeredBeforeObtained' }),
    ]);
    expect(newCertificateProblems([stored], [], RULES)).toEqual([
      expect.objectContaining({ path: '/certificates/0/registrationExpiresOn', code: 'registrationTermMismatch' }),
    ]);
  });
});
