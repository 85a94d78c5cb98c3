import { z } from 'zod';
import { CERTIFICATE_LEVELS, type CertificateLevel } from '../rules/rule-set.ts';
import { count, date, tenthHours } from '../units/units.ts';
import { findingSchema } from './shape.ts';
import { worded } from './text.ts';

/**
 * The findings of the staff registry about one person's certificates and continuing education:
 * N-4 registrations, P-R2 hours a year and N-5 hours a registration period. (The registry's pay
 * finding is the costing's `payBelowFloor`.) Paths point into the person's record.
 */

/** A certificate's registration as it stands: `daysLeft` is 0 on the expiry day, negative once expired. */
const registrationAmounts = <S extends 'expired' | 'expiring'>(status: S) =>
  z.object({
    status: z.literal(status),
    number: z.string(),
    level: z.enum(CERTIFICATE_LEVELS),
    expiresOn: date,
    daysLeft: count,
  });

interface RegistrationFacts {
  /** The certificate's index in the person's record. */
  certificate: number;
  number: string;
  level: CertificateLevel;
  expiresOn: string;
  daysLeft: number;
}

const registrationPath = (certificate: number) => `/certificates/${certificate}/registrationExpiresOn`;

export const RegistrationExpiredFinding = findingSchema('registrationExpired', {
  severity: z.literal('error'),
  ruleId: z.literal('N-4'),
  description: 'N-4: a certificate’s registration has lapsed',
  amounts: registrationAmounts('expired'),
});
export type RegistrationExpiredFinding = z.infer<typeof RegistrationExpiredFinding>;

export function registrationExpired(facts: RegistrationFacts): RegistrationExpiredFinding {
  const { certificate, number, level, expiresOn, daysLeft } = facts;
  return worded({
    kind: 'registrationExpired',
    severity: 'error',
    ruleId: 'N-4',
    path: registrationPath(certificate),
    amounts: { status: 'expired', number, level, expiresOn, daysLeft },
  });
}

export const RegistrationExpiringFinding = findingSchema('registrationExpiring', {
  severity: z.literal('warning'),
  ruleId: z.literal('N-4'),
  description: 'N-4: a certificate’s registration is in its renewal window',
  amounts: registrationAmounts('expiring'),
});
export type RegistrationExpiringFinding = z.infer<typeof RegistrationExpiringFinding>;

export function registrationExpiring(facts: RegistrationFacts): RegistrationExpiringFinding {
  const { certificate, number, level, expiresOn, daysLeft } = facts;
  return worded({
    kind: 'registrationExpiring',
    severity: 'warning',
    ruleId: 'N-4',
    path: registrationPath(certificate),
    amounts: { status: 'expiring', number, level, expiresOn, daysLeft },
  });
}

export const RegistrationOverdueFinding = findingSchema('registrationOverdue', {
  severity: z.literal('error'),
  ruleId: z.literal('N-4'),
  description: 'N-4: a certificate was not registered within the year (or years) after it was obtained',
  amounts: z.object({
    number: z.string(),
    level: z.enum(CERTIFICATE_LEVELS),
    obtainedOn: date,
    registerBy: date.describe('The last day of the first registration'),
  }),
});
export type RegistrationOverdueFinding = z.infer<typeof RegistrationOverdueFinding>;

export function registrationOverdue(facts: {
  certificate: number;
  number: string;
  level: CertificateLevel;
  obtainedOn: string;
  registerBy: string;
}): RegistrationOverdueFinding {
  const { certificate, number, level, obtainedOn, registerBy } = facts;
  return worded({
    kind: 'registrationOverdue',
    severity: 'error',
    ruleId: 'N-4',
    path: `/certificates/${certificate}/registeredOn`,
    amounts: { number, level, obtainedOn, registerBy },
  });
}

/** Hours done and required, in tenths (学时 are kept in tenths so sums are exact). */
interface HoursFacts {
  tenthHours: number;
  requiredTenthHours: number;
}

/** P-R2: a calendar year's hours against the local yearly minimum (the registry's summary shows them too). */
export const YearHours = z.object({
  year: count,
  tenthHours,
  requiredTenthHours: tenthHours,
  shortfallTenthHours: tenthHours,
});

/** N-5: a registration period's hours against the national minimum for the certificate level. */
export const PeriodHours = z.object({
  from: date,
  to: date,
  level: z.enum(CERTIFICATE_LEVELS),
  tenthHours,
  requiredTenthHours: tenthHours,
  shortfallTenthHours: tenthHours,
});

export const CeHoursShortFinding = findingSchema('ceHoursShort', {
  severity: z.literal('warning'),
  ruleId: z.literal('P-R2'),
  description: 'P-R2: continuing education this calendar year is short of the local yearly minimum',
  amounts: YearHours,
});
export type CeHoursShortFinding = z.infer<typeof CeHoursShortFinding>;

export function ceHoursShort(facts: HoursFacts & { year: number }): CeHoursShortFinding {
  const { year, tenthHours, requiredTenthHours } = facts;
  return worded({
    kind: 'ceHoursShort',
    severity: 'warning',
    ruleId: 'P-R2',
    path: '/continuingEducation',
    amounts: { year, tenthHours, requiredTenthHours, shortfallTenthHours: requiredTenthHours - tenthHours },
  });
}

export const CePeriodShortFinding = findingSchema('cePeriodShort', {
  severity: z.literal('warning'),
  ruleId: z.literal('N-5'),
  description: 'N-5: continuing education in the current registration period is short of the national minimum',
  amounts: PeriodHours,
});
export type CePeriodShortFinding = z.infer<typeof CePeriodShortFinding>;

export function cePeriodShort(
  facts: HoursFacts & { from: string; to: string; level: CertificateLevel },
): CePeriodShortFinding {
  const { from, to, level, tenthHours, requiredTenthHours } = facts;
  return worded({
    kind: 'cePeriodShort',
    severity: 'warning',
    ruleId: 'N-5',
    path: '/continuingEducation',
    amounts: { from, to, level, tenthHours, requiredTenthHours, shortfallTenthHours: requiredTenthHours - tenthHours },
  });
}
