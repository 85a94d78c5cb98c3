import { z } from 'zod';
import { CERT_LEVELS, type CertLevel } from '../rules/rule-set.ts';
import { bp, fen } from '../units/units.ts';
import { findingSchema } from './shape.ts';
import { worded } from './text.ts';

/**
 * The findings of COSTING.md "The budget and its checks", one per row of its table. The seed gives
 * no id for the management cap, the tax line or the balance, so: the management cap cites N-7 (the
 * only source naming a management share; the cap itself is the bureau's `maxManagementShare`), and
 * the tax line and the balance cite P-W2 (the budget must rest on a cost accounting, which these
 * two make complete and consistent). Paths point into `{ posts, budget }`, as costPlan checks them.
 */

export const PayBelowFloorFinding = findingSchema('payBelowFloor', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W3'),
  description:
    'P-W3: monthly pay below the guideline floor of the certificate level: a planned post, a month’s payroll row (with month and name) or a person in the staff registry (with name)',
  amounts: z.object({
    pay: fen,
    floor: fen,
    /** Per month, always. */
    shortfall: fen,
    certLevel: z.enum(CERT_LEVELS),
    /** The month of actuals the payroll row is in (`YYYY-MM`). */
    month: z.string().optional(),
    /** Who was paid: the payroll row's or the registry's person. */
    name: z.string().optional(),
    /** A part-time person's working time (whole percent): `floor` is the full-time floor in proportion. */
    ftePercent: z.number().int().optional(),
  }),
});
export type PayBelowFloorFinding = z.infer<typeof PayBelowFloorFinding>;

/** P-W3, the one builder for a planned post, an actual month's payroll row and a person's pay. */
export function payBelowFloor(facts: {
  path: string;
  pay: number;
  floor: number;
  certLevel: CertLevel;
  month?: string;
  name?: string;
  ftePercent?: number;
}): PayBelowFloorFinding {
  const { path, pay, floor, certLevel, month, name, ftePercent } = facts;
  return worded({
    kind: 'payBelowFloor',
    severity: 'error',
    ruleId: 'P-W3',
    path,
    amounts: {
      pay,
      floor,
      shortfall: floor - pay,
      certLevel,
      ...(month === undefined ? {} : { month }),
      ...(name === undefined ? {} : { name }),
      ...(ftePercent === undefined ? {} : { ftePercent }),
    },
  });
}

export const PersonnelBelowLabourCostFinding = findingSchema('personnelBelowLabourCost', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W2'),
  description: 'P-W2: the personnel line is below the labour cost L of the staffing plan',
  amounts: z.object({ personnel: fen, labourCost: fen, shortfall: fen }),
});
export type PersonnelBelowLabourCostFinding = z.infer<typeof PersonnelBelowLabourCostFinding>;

export function personnelBelowLabourCost(facts: {
  personnel: number;
  labourCost: number;
}): PersonnelBelowLabourCostFinding {
  const { personnel, labourCost } = facts;
  return worded({
    kind: 'personnelBelowLabourCost',
    severity: 'error',
    ruleId: 'P-W2',
    path: '/budget/lines/personnel',
    amounts: { personnel, labourCost, shortfall: labourCost - personnel },
  });
}

export const LabourShareBelowMinFinding = findingSchema('labourShareBelowMin', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W2'),
  description: 'P-W2: the personnel line is below the local minimum share of the contract value',
  amounts: z.object({
    personnel: fen,
    value: fen,
    /** The line's share, rounded down, so it never reads as meeting a minimum it misses. */
    shareBp: bp,
    minLabourShare: bp,
    /** ⌈V × minLabourShare / 10000⌉: the least personnel line the share allows. */
    required: fen,
    shortfall: fen,
  }),
});
export type LabourShareBelowMinFinding = z.infer<typeof LabourShareBelowMinFinding>;

export function labourShareBelowMin(facts: {
  personnel: number;
  value: number;
  shareBp: number;
  minLabourShare: number;
  required: number;
}): LabourShareBelowMinFinding {
  const { personnel, value, shareBp, minLabourShare, required } = facts;
  return worded({
    kind: 'labourShareBelowMin',
    severity: 'error',
    ruleId: 'P-W2',
    path: '/budget/lines/personnel',
    amounts: { personnel, value, shareBp, minLabourShare, required, shortfall: required - personnel },
  });
}

export const ManagementOverCapFinding = findingSchema('managementOverCap', {
  severity: z.literal('error'),
  ruleId: z.literal('N-7'),
  description: 'N-7: the management line is above the local cap, rounded to the fen',
  amounts: z.object({ management: fen, value: fen, maxManagementShare: bp, allowed: fen, excess: fen }),
});
export type ManagementOverCapFinding = z.infer<typeof ManagementOverCapFinding>;

export function managementOverCap(facts: {
  management: number;
  value: number;
  maxManagementShare: number;
  allowed: number;
}): ManagementOverCapFinding {
  const { management, value, maxManagementShare, allowed } = facts;
  return worded({
    kind: 'managementOverCap',
    severity: 'error',
    ruleId: 'N-7',
    path: '/budget/lines/management',
    amounts: { management, value, maxManagementShare, allowed, excess: management - allowed },
  });
}

export const TaxUnderBudgetedFinding = findingSchema('taxUnderBudgeted', {
  severity: z.literal('warning'),
  ruleId: z.literal('P-W2'),
  description: 'P-W2: the tax line is below the tax rate of the contract value',
  amounts: z.object({ tax: fen, expected: fen, taxRate: bp, shortfall: fen }),
});
export type TaxUnderBudgetedFinding = z.infer<typeof TaxUnderBudgetedFinding>;

export function taxUnderBudgeted(facts: { tax: number; expected: number; taxRate: number }): TaxUnderBudgetedFinding {
  const { tax, expected, taxRate } = facts;
  return worded({
    kind: 'taxUnderBudgeted',
    severity: 'warning',
    ruleId: 'P-W2',
    path: '/budget/lines/tax',
    amounts: { tax, expected, taxRate, shortfall: expected - tax },
  });
}

export const BudgetUnbalancedFinding = findingSchema('budgetUnbalanced', {
  severity: z.literal('error'),
  ruleId: z.literal('P-W2'),
  description: 'P-W2: the budget lines do not add up to the contract value',
  amounts: z.object({
    value: fen,
    linesTotal: fen,
    /** linesTotal − value: positive when the lines add up to more. */
    difference: fen,
  }),
});
export type BudgetUnbalancedFinding = z.infer<typeof BudgetUnbalancedFinding>;

export function budgetUnbalanced(facts: { value: number; linesTotal: number }): BudgetUnbalancedFinding {
  const { value, linesTotal } = facts;
  return worded({
    kind: 'budgetUnbalanced',
    severity: 'error',
    ruleId: 'P-W2',
    path: '/budget/value',
    amounts: { value, linesTotal, difference: linesTotal - value },
  });
}
