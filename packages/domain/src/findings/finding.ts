import { z } from 'zod';
import { ActualOverBudgetFinding, ProjectedOverBudgetFinding } from './actuals.ts';
import {
  BelowPriceFloorFinding,
  MilestonesUnbalancedFinding,
  NoMilestonesFinding,
  NoPriceFloorFinding,
  TermNeedsStableMarkFinding,
  TermTooLongFinding,
} from './contract.ts';
import {
  BudgetUnbalancedFinding,
  LabourShareBelowMinFinding,
  ManagementOverCapFinding,
  PayBelowFloorFinding,
  PersonnelBelowLabourCostFinding,
  TaxUnderBudgetedFinding,
} from './costing.ts';
import {
  BandBelowFloorFinding,
  DuplicateLevelIdFinding,
  LadderUncheckedFinding,
  LevelBelowPostClassFinding,
  LevelBelowPreviousFinding,
} from './ladder.ts';
import {
  CeHoursShortFinding,
  CePeriodShortFinding,
  RegistrationExpiredFinding,
  RegistrationExpiringFinding,
  RegistrationOverdueFinding,
} from './registry.ts';

/**
 * A finding: a rule applied to a figure, with the numbers that went into it. Told apart by `kind`;
 * each kind is built in one place (its module's builder) with its rule id and typed amounts, and
 * rendered by the one `findingText`.
 */
export const Finding = z
  .discriminatedUnion('kind', [
    PayBelowFloorFinding,
    PersonnelBelowLabourCostFinding,
    LabourShareBelowMinFinding,
    ManagementOverCapFinding,
    TaxUnderBudgetedFinding,
    BudgetUnbalancedFinding,
    BelowPriceFloorFinding,
    NoPriceFloorFinding,
    TermTooLongFinding,
    TermNeedsStableMarkFinding,
    NoMilestonesFinding,
    MilestonesUnbalancedFinding,
    ActualOverBudgetFinding,
    ProjectedOverBudgetFinding,
    BandBelowFloorFinding,
    LevelBelowPostClassFinding,
    DuplicateLevelIdFinding,
    LevelBelowPreviousFinding,
    LadderUncheckedFinding,
    RegistrationExpiredFinding,
    RegistrationExpiringFinding,
    RegistrationOverdueFinding,
    CeHoursShortFinding,
    CePeriodShortFinding,
  ])
  .meta({
    id: 'Finding',
    description:
      'A rule check’s result, told apart by `kind`: each kind with its rule id, a JSON pointer to the figure and its own typed amounts (fen, bp, tenth-hours, months, dates)',
  });
export type Finding = z.infer<typeof Finding>;

export type FindingKind = Finding['kind'];
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;

/** A finding before its English message is written: what a builder hands to `findingText`. */
export type FindingFacts = Finding extends infer F ? (F extends Finding ? Omit<F, 'message'> : never) : never;

/** Whether a finding is of one of some kinds, narrowing it to them. */
export function isKind<K extends FindingKind>(finding: Finding, ...kinds: readonly K[]): finding is FindingOf<K> {
  return (kinds as readonly FindingKind[]).includes(finding.kind);
}

/** Every rule id a finding can cite, read from the kinds' schemas (each kind's literal, or its enum). */
export const FINDING_RULE_IDS: readonly string[] = [
  ...new Set(
    Finding.options.flatMap((kind): string[] => {
      const ruleId = kind.shape.ruleId;
      return ruleId instanceof z.ZodLiteral ? [...ruleId.values] : ruleId.options;
    }),
  ),
];
