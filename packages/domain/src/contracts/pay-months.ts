import { z } from 'zod';
import { isKind } from '../findings/finding.ts';
import { CERT_LEVELS } from '../rules/rule-set.ts';
import { fen, month } from '../units/units.ts';
import type { ActualMonthCost } from './actuals.ts';

/**
 * One person's pay month by month as the organisation's actuals record it (我的档案): each month of
 * each contract whose payroll names them, with the floor the month was costed against and the
 * P-W3 shortfall the month's own finding states (the actuals are the rule's one home; this only
 * reads what they found).
 */
export const PayMonth = z
  .object({
    month,
    contractId: z.string(),
    grossPay: fen.describe('Gross pay recorded for the month, fen'),
    certLevel: z.enum(CERT_LEVELS),
    sharePercent: z.number().int().describe('Share of the person’s time on this contract, whole percent'),
    floor: fen.describe('The floor the month was costed against (P-W3), fen'),
    shortfall: fen.describe('How far below the floor the month’s P-W3 finding says the pay is, fen; 0 when not below'),
    exempt: z.boolean().describe('On establishment (P-W1): not checked against the floor'),
    ruleId: z.literal('P-W3'),
  })
  .meta({ id: 'PayMonth' });
export type PayMonth = z.infer<typeof PayMonth>;

/** The rows of these recorded months that name the person, newest month first. */
export function payMonthsOf(
  personId: string,
  months: readonly { contractId: string; month: string; cost: ActualMonthCost }[],
): PayMonth[] {
  const found: PayMonth[] = [];
  for (const { contractId, month: m, cost } of months) {
    cost.payroll.forEach((row, i) => {
      if (row.personId !== personId) return;
      const below = cost.findings.find((f) => isKind(f, 'payBelowFloor') && f.path === `/payroll/${i}/grossPay`);
      found.push({
        month: m,
        contractId,
        grossPay: row.grossPay,
        certLevel: row.certLevel,
        sharePercent: row.sharePercent,
        floor: row.costing.floor,
        shortfall: below && isKind(below, 'payBelowFloor') ? below.amounts.shortfall : 0,
        exempt: row.exempt,
        ruleId: 'P-W3',
      });
    });
  }
  return found.sort((a, b) => b.month.localeCompare(a.month) || a.contractId.localeCompare(b.contractId));
}
