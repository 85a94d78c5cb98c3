import { tenthsToHours } from '../money/money.ts';
import type { CertLevel, RuleSetParameters } from '../rules/rule-set.ts';
import {
  certRank,
  highestCertificate,
  isRegistered,
  type RegistrationStatus,
  registrationStatus,
} from './certificates.ts';
import { type CeStatus, continuingEducationStatus } from './continuing-education.ts';
import { type PayCheck, payCheck } from './pay.ts';
import type { Finding, PersonInput } from './person.ts';
import { practiceYears, type SocialWorkRun, socialWorkRun } from './practice.ts';

/** Everything the registry tells an organisation about one person on `today`. */
export interface StaffSummary {
  certLevel: CertLevel;
  ce: CeStatus;
  /** One per certificate, in the person's order (index i is /certificates/i). */
  registrations: RegistrationStatus[];
  practiceYears: number;
  /** P-A3: the unbroken run in the jurisdiction reaching today (the rule set's gap tolerance). */
  run?: SocialWorkRun;
  pay: PayCheck;
  /** Errors first, then warnings, each citing its rule. */
  findings: Finding[];
}

export function staffSummary(
  person: PersonInput,
  rules: RuleSetParameters,
  today: string,
  jurisdiction: string,
): StaffSummary {
  const ce = continuingEducationStatus(person, today, rules);
  const registrations = person.certificates.map((c) => registrationStatus(c, today, rules));
  const pay = payCheck(person, rules, today);
  const run = socialWorkRun(person, jurisdiction, today, rules.awards.gapToleranceDays);
  const findings: Finding[] = [];

  if (pay.shortfall > 0)
    findings.push({
      severity: 'error',
      ruleId: 'P-W3',
      path: '/monthlyPay',
      message: `Monthly pay ${pay.pay} fen is ${pay.shortfall} fen below the ${pay.certLevel} floor of ${pay.floor} fen.`,
      amounts: { floor: pay.floor, pay: pay.pay, shortfall: pay.shortfall, certLevel: pay.certLevel },
    });

  // N-4: a lapsed registration of a lower certificate does not matter once a higher one is registered.
  const registeredRank = Math.max(-1, ...registrations.filter(isRegistered).map((r) => certRank(r.level)));
  registrations.forEach((r, i) => {
    if (r.status !== 'expired' && r.status !== 'expiring') return;
    if (certRank(r.level) < registeredRank) return;
    const expired = r.status === 'expired';
    findings.push({
      severity: expired ? 'error' : 'warning',
      ruleId: 'N-4',
      path: `/certificates/${i}/registrationExpiresOn`,
      message: expired
        ? `Registration of certificate ${r.number} expired on ${r.expiresOn}.`
        : `Registration of certificate ${r.number} expires on ${r.expiresOn} (${r.daysLeft} days left); renew it now.`,
      amounts: {
        status: r.status,
        number: r.number,
        level: r.level,
        expiresOn: r.expiresOn ?? '',
        daysLeft: r.daysLeft ?? 0,
      },
    });
  });

  if (ce.year.shortfallTenthHours > 0)
    findings.push({
      severity: 'warning',
      ruleId: 'P-R2',
      path: '/continuingEducation',
      message: `Continuing education in ${ce.year.year}: ${tenthsToHours(ce.year.tenthHours)} of ${tenthsToHours(ce.year.requiredTenthHours)} hours, ${tenthsToHours(ce.year.shortfallTenthHours)} short.`,
      amounts: {
        year: ce.year.year,
        tenthHours: ce.year.tenthHours,
        requiredTenthHours: ce.year.requiredTenthHours,
        shortfallTenthHours: ce.year.shortfallTenthHours,
      },
    });

  if (ce.period && ce.period.shortfallTenthHours > 0)
    findings.push({
      severity: 'warning',
      ruleId: 'N-5',
      path: '/continuingEducation',
      message: `Continuing education in the registration period ${ce.period.from} to ${ce.period.to}: ${tenthsToHours(ce.period.tenthHours)} of ${tenthsToHours(ce.period.requiredTenthHours)} hours, ${tenthsToHours(ce.period.shortfallTenthHours)} short.`,
      amounts: {
        from: ce.period.from,
        to: ce.period.to,
        level: ce.period.level,
        tenthHours: ce.period.tenthHours,
        requiredTenthHours: ce.period.requiredTenthHours,
        shortfallTenthHours: ce.period.shortfallTenthHours,
      },
    });

  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    certLevel: highestCertificate(person, today),
    ce,
    registrations,
    practiceYears: practiceYears(person, today),
    ...(run ? { run } : {}),
    pay,
    findings,
  };
}
