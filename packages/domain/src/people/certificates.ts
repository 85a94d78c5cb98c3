import { z } from 'zod';
import { CERT_LEVELS, CERTIFICATE_LEVELS, type CertLevel, type RuleSetParameters } from '../rules/rule-set.ts';
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
 * The registration period of a certificate (N-4), or undefined when it was never registered.
 * `registrationExpiresOn` is the last valid day; without it, a registration from `registeredOn`
 * lasts registrationValidityYears years: 2023-07-01 + 3 years − 1 day = 2026-06-30. Without
 * `registeredOn`, the start is worked back the same way: 2026-06-30 + 1 day − 3 years = 2023-07-01.
 */
export function registrationPeriod(
  certificate: Certificate,
  rules: RuleSetParameters,
): { from: string; to: string } | undefined {
  const years = rules.national.registrationValidityYears;
  const { registeredOn, registrationExpiresOn } = certificate;
  if (registrationExpiresOn)
    return { from: registeredOn ?? addYears(addDays(registrationExpiresOn, 1), -years), to: registrationExpiresOn };
  if (registeredOn) return { from: registeredOn, to: addDays(addYears(registeredOn, years), -1) };
  return undefined;
}

/**
 * N-4: where a certificate's registration stands on `today`. The renewal window is the
 * renewalWindowMonths months before the registration lapses: a registration valid through
 * 2026-06-30 lapses at the start of 2026-07-01, so with 3 months its window opens on 2026-04-01
 * and runs through 2026-06-30 ('expiring'); on 2026-07-01 it is 'expired'. A registration whose
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
