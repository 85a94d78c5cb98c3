import type { StaffSummary } from './staff-summary.ts';

/** What a staff list filters by: P-W3 shortfall, N-4 registrations (as the findings weigh them), P-R2 and N-5 hours. */
export const STAFF_FLAGS = ['below-floor', 'registration-expiring', 'registration-expired', 'ce-short'] as const;
export type StaffFlag = (typeof STAFF_FLAGS)[number];

/** The flags of one person's summary. */
export function flagsOf(summary: StaffSummary): StaffFlag[] {
  const flags: StaffFlag[] = [];
  if (summary.pay.shortfall > 0) flags.push('below-floor');
  const kinds = new Set(summary.findings.map((f) => f.kind));
  if (kinds.has('registrationExpiring')) flags.push('registration-expiring');
  if (kinds.has('registrationExpired')) flags.push('registration-expired');
  // Short of the year's hours (P-R2) or of the registration period's (N-5): either is a shortfall to make up.
  if (summary.ce.year.shortfallTenthHours > 0 || (summary.ce.period?.shortfallTenthHours ?? 0) > 0)
    flags.push('ce-short');
  return flags;
}
