import {
  chinaToday,
  isValidIdCardNumber,
  maskIdCard,
  maskPhone,
  type Person,
  PersonInput,
  type Principal,
  type RuleSet,
  type StaffSummary,
  staffSummary,
} from '@shegong/domain';
import type { AppDeps } from '../env.ts';

/**
 * What the staff registry tells an organisation (issue 3 §3): each person's summary under the rule
 * set in force today for the organisation's region, the flags a list filters by, and the masking of
 * personal data. Shared by the API and the pages, so both show the same figures.
 */

/** The person schema with the GB 11643 check of the ID-card number (400 naming /idCardNumber). */
export const CheckedPersonInput = PersonInput.extend({
  idCardNumber: PersonInput.shape.idCardNumber.refine(
    (value) => isValidIdCardNumber(value),
    'is not a valid ID-card number (GB 11643: 18 characters, a real birth date, the right check character)',
  ),
});

export const STAFF_FLAGS = ['below-floor', 'registration-expiring', 'registration-expired', 'ce-short'] as const;
export type StaffFlag = (typeof STAFF_FLAGS)[number];

/** The flags of one summary: P-W3 shortfall, N-4 registrations (as the findings weigh them), P-R2 hours. */
export function flagsOf(summary: StaffSummary): StaffFlag[] {
  const flags: StaffFlag[] = [];
  if (summary.pay.shortfall > 0) flags.push('below-floor');
  const kinds = new Set(summary.findings.map((f) => f.kind));
  if (kinds.has('registrationExpiring')) flags.push('registration-expiring');
  if (kinds.has('registrationExpired')) flags.push('registration-expired');
  if (summary.ce.year.shortfallTenthHours > 0) flags.push('ce-short');
  return flags;
}

/** The rule set a registry's figures use: in force today for the organisation's region, if any. */
export interface RegistryRules {
  today: string;
  ruleSet?: RuleSet;
}

export function todayOf(deps: AppDeps): string {
  return deps.today?.() ?? chinaToday();
}

export async function registryRules(deps: AppDeps, region: string): Promise<RegistryRules> {
  const today = todayOf(deps);
  const ruleSet = await deps.store.ruleSetInForce(region, today);
  return { today, ...(ruleSet ? { ruleSet } : {}) };
}

/**
 * One person's summary, or undefined when no rule set is in force. The P-A3 run counts periods
 * within the rule set's region: the jurisdiction whose rules (and awards) apply.
 */
export function summarise(person: Person, rules: RegistryRules): StaffSummary | undefined {
  if (!rules.ruleSet) return undefined;
  return staffSummary(person, rules.ruleSet.parameters, rules.today, rules.ruleSet.region);
}

/** DESIGN.md: ID-card and phone numbers are shown in full only to hr and admin. */
export function seesPersonalData(principal: Pick<Principal, 'roles'>): boolean {
  return principal.roles.some((r) => r === 'hr' || r === 'admin');
}

export function masked<T extends Pick<Person, 'idCardNumber' | 'phone'>>(
  person: T,
  principal: Pick<Principal, 'roles'>,
): T {
  if (seesPersonalData(principal)) return person;
  return { ...person, idCardNumber: maskIdCard(person.idCardNumber), phone: maskPhone(person.phone) };
}
