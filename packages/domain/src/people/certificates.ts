import { z } from 'zod';
import {
  CERT_LEVELS,
  CERTIFICATE_LEVELS,
  type CertLevel,
  firstRegistrationYears,
  type RuleSetParameters,
} from '../rules/rule-set.ts';
import { count, date } from '../units/units.ts';
import { addDays, addMonths, addYears, daysBetween } from './dates.ts';
import type { Certificate, PersonInput } from './person.ts';

/** Certificate levels compare by their place in CERT_LEVELS: none < assistant < social_worker < senior. */
export function certRank(level: CertLevel): number {
  return CERT_LEVELS.indexOf(level);
}

export function higherCert(a: CertLevel, b: CertLevel): CertLevel {
  return certRank(a) >= certRank(b) ? a : b;
}

/** The highest certificate level obtained on or before `on` ('none' when there is none yet). */
export function highestCertificate(person: Pick<PersonInput, 'certificates'>, on: string): CertLevel {
  let highest: CertLevel = 'none';
  for (const c of person.certificates) if (c.obtainedOn <= on) highest = higherCert(highest, c.level);
  return highest;
}

export const REGISTRATION_STATES = ['unregistered', 'valid', 'expiring', 'expired'] as const;

/** N-4: where one certificate's registration stands on a day. */
export const RegistrationStatus = z.object({
  number: z.string(),
  level: z.enum(CERTIFICATE_LEVELS),
  status: z.enum(REGISTRATION_STATES),
  registeredOn: date.optional().describe('The registration’s first day (given, or worked back from the expiry)'),
  expiresOn: date.optional().describe('The last day the registration is valid'),
  renewalOpensOn: date.optional().describe('The first day of the renewal window'),
  daysLeft: count.optional().describe('expiresOn − today: 0 on the expiry day, negative once expired'),
  ruleId: z.literal('N-4'),
});
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/**
 * N-4: the last day a registration made on `registeredOn` is valid. A registration is valid
 * registrationValidityYears years, counted as the Civil Code counts periods: the day of
 * registration is not counted (art. 201), and the period ends on the matching day of the last
 * month, or that month's last day when it has no matching day (art. 202). So 2023-07-01 lasts
 * through 2026-07-01, and 2024-02-29 through 2027-02-28.
 */
export function registrationExpiry(registeredOn: string, rules: RuleSetParameters): string {
  return addYears(registeredOn, rules.national.registrationValidityYears);
}

/**
 * The registration period of a certificate (N-4), or undefined when it was never registered.
 * With a registration date the period is computed from it (a typed expiry beside it is not
 * believed: one that disagrees is refused when typed, see certificateProblems). With only an
 * expiry, the start is worked back the same way: 2026-07-01 − 3 years = 2023-07-01.
 */
export function registrationPeriod(
  certificate: Certificate,
  rules: RuleSetParameters,
): { from: string; to: string } | undefined {
  const { registeredOn, registrationExpiresOn } = certificate;
  if (registeredOn) return { from: registeredOn, to: registrationExpiry(registeredOn, rules) };
  if (registrationExpiresOn)
    return {
      from: addYears(registrationExpiresOn, -rules.national.registrationValidityYears),
      to: registrationExpiresOn,
    };
  return undefined;
}

/**
 * N-4: the last day a certificate obtained on `obtainedOn` may be registered for the first time:
 * firstRegistrationYears after passing, counted as registrationExpiry counts.
 */
export function firstRegistrationDue(certificate: Certificate, rules: RuleSetParameters): string {
  return addYears(certificate.obtainedOn, firstRegistrationYears(rules));
}

/** Why a certificate's registration dates are refused: a stable code, for a page's own words. */
export const CERTIFICATE_PROBLEM_CODES = ['registeredBeforeObtained', 'registrationTermMismatch'] as const;
export type CertificateProblemCode = (typeof CERTIFICATE_PROBLEM_CODES)[number];

export interface CertificateProblem {
  field: 'registeredOn' | 'registrationExpiresOn';
  code: CertificateProblemCode;
  /** English, for the API. */
  message: string;
  amounts: Record<string, string | number>;
}

/**
 * N-4: what the registry refuses in a certificate's registration beyond its schema. A registration
 * cannot come before the certificate was obtained; a typed expiry must be the one the term gives
 * (without a rule set in force the term is unknown, so only the order of the dates is judged).
 */
export function certificateProblems(
  certificate: Certificate,
  rules: RuleSetParameters | undefined,
): CertificateProblem[] {
  const { obtainedOn, registeredOn, registrationExpiresOn } = certificate;
  const problems: CertificateProblem[] = [];
  if (registeredOn && registeredOn < obtainedOn)
    problems.push({
      field: 'registeredOn',
      code: 'registeredBeforeObtained',
      message: `must not be before the certificate was obtained (${obtainedOn}) (N-4)`,
      amounts: { obtainedOn },
    });
  if (!rules || !registrationExpiresOn) return problems;
  const years = rules.national.registrationValidityYears;
  if (registeredOn) {
    const expected = registrationExpiry(registeredOn, rules);
    if (registrationExpiresOn !== expected)
      problems.push({
        field: 'registrationExpiresOn',
        code: 'registrationTermMismatch',
        message: `must be ${expected}: a registration is valid ${years} years from its date (N-4)`,
        amounts: { expected, years },
      });
  } else {
    const from = addYears(registrationExpiresOn, -years);
    if (from < obtainedOn)
      problems.push({
        field: 'registrationExpiresOn',
        code: 'registeredBeforeObtained',
        message: `puts the registration (from ${from}) before the certificate was obtained (${obtainedOn}) (N-4)`,
        amounts: { obtainedOn, registeredOn: from },
      });
  }
  return problems;
}

/**
 * The problems of the certificates in `certificates` that are new or changed against `stored`
 * (the record as it was), as JSON pointers into the person. A stored certificate is not judged
 * again, so a record kept from before a rule can still be edited; anything typed now is.
 */
export function newCertificateProblems(
  certificates: readonly Certificate[],
  stored: readonly Certificate[],
  rules: RuleSetParameters | undefined,
): (Omit<CertificateProblem, 'field'> & { path: string })[] {
  const same = (a: Certificate, b: Certificate) =>
    a.level === b.level &&
    a.number === b.number &&
    a.obtainedOn === b.obtainedOn &&
    a.registeredOn === b.registeredOn &&
    a.registrationExpiresOn === b.registrationExpiresOn;
  return certificates.flatMap((certificate, i) =>
    stored.some((s) => same(s, certificate))
      ? []
      : certificateProblems(certificate, rules).map(({ field, ...problem }) => ({
          ...problem,
          path: `/certificates/${i}/${field}`,
        })),
  );
}

/**
 * N-4: where a certificate's registration stands on `today`. The renewal window is the
 * renewalWindowMonths months before the registration lapses: a registration valid through
 * 2026-07-01 lapses at the start of 2026-07-02, so with 3 months its window opens on 2026-04-02
 * and runs through 2026-07-01 ('expiring'); on 2026-07-02 it is 'expired'. A registration whose
 * first day is still to come counts as 'unregistered' until then.
 */
export function registrationStatus(
  certificate: Certificate,
  today: string,
  rules: RuleSetParameters,
): RegistrationStatus {
  const base = { number: certificate.number, level: certificate.level, ruleId: 'N-4' as const };
  const period = registrationPeriod(certificate, rules);
  if (!period) return { ...base, status: 'unregistered' };
  const renewalOpensOn = addMonths(addDays(period.to, 1), -rules.national.renewalWindowMonths);
  const dates = {
    registeredOn: period.from,
    expiresOn: period.to,
    renewalOpensOn,
    daysLeft: daysBetween(today, period.to),
  };
  if (today < period.from) return { ...base, ...dates, status: 'unregistered' };
  if (today > period.to) return { ...base, ...dates, status: 'expired' };
  if (today >= renewalOpensOn) return { ...base, ...dates, status: 'expiring' };
  return { ...base, ...dates, status: 'valid' };
}

/** Whether the registration is in force on `today` (valid or in its renewal window). */
export function isRegistered(status: RegistrationStatus): boolean {
  return status.status === 'valid' || status.status === 'expiring';
}
