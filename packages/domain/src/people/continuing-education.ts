import { z } from 'zod';
import { PeriodHours, YearHours } from '../findings/registry.ts';
import type { CertificateLevel, RuleSetParameters } from '../rules/rule-set.ts';
import { certRank, isRegistered, registrationPeriod, registrationStatus } from './certificates.ts';
import type { ContinuingEducation, PersonInput } from './person.ts';

/**
 * Continuing-education hours against the local yearly minimum (P-R2) and the national minimum per
 * registration period (N-5). Hours are counted in tenths, as stored (49.9 hours is 499); the rule
 * set's minimums are whole hours and are multiplied by ten. Only entries dated on or before today
 * count: a course booked for next month is not yet done.
 */
export const CeStatus = z.object({
  year: YearHours.extend({ ruleId: z.literal('P-R2') }).describe(
    'P-R2: this calendar year’s hours against the local yearly minimum',
  ),
  period: PeriodHours.extend({ ruleId: z.literal('N-5') })
    .optional()
    .describe('N-5: the current registration period of the highest certificate registered today; absent when none is'),
});
export type CeStatus = z.infer<typeof CeStatus>;

/** Tenth-hours of the entries dated from `from` through `to`, both included. */
export function tenthHoursBetween(entries: readonly ContinuingEducation[], from: string, to: string): number {
  let sum = 0;
  for (const e of entries) if (e.date >= from && e.date <= to) sum += e.tenthHours;
  return sum;
}

export function continuingEducationStatus(person: PersonInput, today: string, rules: RuleSetParameters): CeStatus {
  const year = Number(today.slice(0, 4));
  const yearHours = tenthHoursBetween(person.continuingEducation, `${today.slice(0, 4)}-01-01`, today);
  const yearRequired = rules.continuingEducationHoursPerYear * 10;
  const status: CeStatus = {
    year: {
      year,
      tenthHours: yearHours,
      requiredTenthHours: yearRequired,
      shortfallTenthHours: Math.max(0, yearRequired - yearHours),
      ruleId: 'P-R2',
    },
  };

  // N-5 follows the highest certificate whose registration is in force today.
  let current: { level: CertificateLevel; from: string; to: string } | undefined;
  for (const c of person.certificates) {
    if (!isRegistered(registrationStatus(c, today, rules))) continue;
    const period = registrationPeriod(c, rules);
    if (period && (!current || certRank(c.level) > certRank(current.level))) current = { level: c.level, ...period };
  }
  if (current) {
    const hours = tenthHoursBetween(person.continuingEducation, current.from, today < current.to ? today : current.to);
    const required = rules.national.cePerRegistrationPeriod[current.level] * 10;
    status.period = {
      ...current,
      tenthHours: hours,
      requiredTenthHours: required,
      shortfallTenthHours: Math.max(0, required - hours),
      ruleId: 'N-5',
    };
  }
  return status;
}

/**
 * Whether continuing education is up to date, for a ladder requirement: the P-R2 minimum was met
 * in the last completed calendar year, or has already been met this year. (This year's minimum
 * alone would put nearly everyone behind in January.) `tenthHours` is the better of the two years.
 */
export function continuingEducationUpToDate(
  person: PersonInput,
  today: string,
  rules: RuleSetParameters,
): { upToDate: boolean; tenthHours: number; requiredTenthHours: number; ruleId: 'P-R2' } {
  const required = rules.continuingEducationHoursPerYear * 10;
  const lastYear = String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
  const last = tenthHoursBetween(person.continuingEducation, `${lastYear}-01-01`, `${lastYear}-12-31`);
  const current = tenthHoursBetween(person.continuingEducation, `${today.slice(0, 4)}-01-01`, today);
  const best = Math.max(last, current);
  return { upToDate: best >= required, tenthHours: best, requiredTenthHours: required, ruleId: 'P-R2' };
}
