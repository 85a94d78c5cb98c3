import type { StaffSummary } from './staff-summary.ts';

/** What a staff list filters by: P-W3 shortfall, N-4 registrations (as the findings weigh them), P-R2 hours. */
export const STAFF_FLAGS = ['below-floor', 'registration-expiring', 'registration-expired', 'ce-short'] as const;
export type StaffFlag = (typeof STAFF_FLAGS)[number];

/** The flags of one person's summary. */
export function flagsOf(summary: StaffSummary): StaffFlag[] {
  const flags: StaffFlag[] = [];
  if (summary.pay.shortfall > 0) flags.push('below-floor');
  const n4 = summary.findings.filter((f) => f.ruleId === 'N-4').map((f) => f.amounts?.status);
  if (n4.includes('expiring')) flags.push('registration-expiring');
  if (n4.includes('expired')) flags.push('registration-expired');
  if (summary.ce.year.shortfallTenthHours > 0) flags.push('ce-short');
  return flags;
}
