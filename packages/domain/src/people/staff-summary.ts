import { z } from 'zod';
import { payBelowFloor } from '../findings/costing.ts';
import { Finding } from '../findings/finding.ts';
import {
  ceHoursShort,
  cePeriodShort,
  registrationExpired,
  registrationExpiring,
  registrationOverdue,
} from '../findings/registry.ts';
import { CERT_LEVELS, continuityRegion, type RuleSetParameters } from '../rules/rule-set.ts';
import { count } from '../units/units.ts';
import {
  certRank,
  firstRegistrationDue,
  highestCertificate,
  isRegistered,
  RegistrationStatus,
  registrationStatus,
} from './certificates.ts';
import { CeStatus, continuingEducationStatus } from './continuing-education.ts';
import { PayCheck, payCheck } from './pay.ts';
import type { PersonInput } from './person.ts';
import { practiceYears, SocialWorkRun, socialWorkRun } from './practice.ts';

/** Everything the registry tells an organisation about one person on `today`. */
export const StaffSummary = z.object({
  certLevel: z.enum(CERT_LEVELS),
  ce: CeStatus,
  registrations: z
    .array(RegistrationStatus)
    .describe('One per certificate, in the person’s order (index i is /certificates/i)'),
  practiceYears: count,
  run: SocialWorkRun.optional().describe(
    'P-A3: the unbroken run in the jurisdiction reaching today (the rule set’s gap tolerance)',
  ),
  pay: PayCheck,
  findings: z.array(Finding).describe('Errors first, then warnings, each citing its rule'),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

/**
 * The registration a staff list shows for a person, and sorts by: the one a finding flags (expired,
 * expiring or overdue; findings list errors first), else their last certificate's.
 */
export function listedRegistration(summary: StaffSummary): RegistrationStatus | undefined {
  const flagged = summary.findings.find(
    (f) => f.kind === 'registrationExpired' || f.kind === 'registrationExpiring' || f.kind === 'registrationOverdue',
  );
  const index = flagged ? Number(flagged.path.split('/')[2]) : summary.registrations.length - 1;
  return summary.registrations[index];
}

/**
 * The summary under a rule set published for `region`: the P-A3 run is counted in the rule set's
 * continuityRegion (by default the city of `region`, so a county's own rules do not cut a run at
 * the county line).
 */
export function staffSummary(
  person: PersonInput,
  rules: RuleSetParameters,
  today: string,
  region: string,
): StaffSummary {
  const ce = continuingEducationStatus(person, today, rules);
  const registrations = person.certificates.map((c) => registrationStatus(c, today, rules));
  const pay = payCheck(person, rules, today);
  const area = continuityRegion({ region, parameters: rules });
  const run = socialWorkRun(person, area, today, rules.awards.gapToleranceDays);
  const findings: Finding[] = [];

  if (pay.shortfall > 0)
    findings.push(
      payBelowFloor({
        path: '/monthlyPay',
        pay: pay.pay,
        floor: pay.floor,
        certLevel: pay.certLevel,
        name: person.name,
        ...(pay.ftePercent < 100 ? { ftePercent: pay.ftePercent } : {}),
      }),
    );

  // N-4: a lapsed registration of a lower certificate does not matter once a higher one is registered.
  const registeredRank = Math.max(-1, ...registrations.filter(isRegistered).map((r) => certRank(r.level)));
  registrations.forEach((r, i) => {
    if (r.status !== 'expired' && r.status !== 'expiring') return;
    if (certRank(r.level) < registeredRank) return;
    // An expired or expiring registration always has its period, so its dates are there.
    const facts = {
      certificate: i,
      number: r.number,
      level: r.level,
      expiresOn: r.expiresOn ?? '',
      daysLeft: r.daysLeft ?? 0,
    };
    findings.push(r.status === 'expired' ? registrationExpired(facts) : registrationExpiring(facts));
  });

  // N-4: a certificate never registered once its first year is over (unless a higher one is
  // registered). An error, as a lapsed registration is: either way no registration is in force.
  person.certificates.forEach((c, i) => {
    if (c.registeredOn || c.registrationExpiresOn || certRank(c.level) < registeredRank) return;
    const registerBy = firstRegistrationDue(c, rules);
    if (today > registerBy)
      findings.push(
        registrationOverdue({ certificate: i, number: c.number, level: c.level, obtainedOn: c.obtainedOn, registerBy }),
      );
  });

  if (ce.year.shortfallTenthHours > 0) findings.push(ceHoursShort(ce.year));
  if (ce.period && ce.period.shortfallTenthHours > 0) findings.push(cePeriodShort(ce.period));

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
