import { z } from 'zod';
import { Finding, type FindingKind } from './finding.ts';
import { findingText } from './text.ts';

/**
 * Findings as stored before they had a `kind`: contract versions and actual months keep the
 * findings they were costed with, and DynamoDB items are never rewritten for a change of shape.
 * Such a finding told its check apart by `amounts.check` (costing, terms, price floor, actuals) or
 * by its rule id and amounts (ladder, registry); this reads either shape as today's, so nothing
 * downstream meets the old one.
 */

const OldFinding = z.object({
  severity: z.string(),
  ruleId: z.string(),
  path: z.string(),
  message: z.string(),
  amounts: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
type OldFinding = z.infer<typeof OldFinding>;
type OldAmounts = Record<string, number | string>;

/** `amounts.check` values whose kind got a new name. */
const RENAMED_CHECKS: Record<string, FindingKind> = {
  labourShareBelowMinimum: 'labourShareBelowMin',
  managementAboveCap: 'managementOverCap',
  unbalanced: 'budgetUnbalanced',
};

/** Reads a finding of either shape; throws on something no version of the code ever wrote. */
export function upgradeFinding(raw: unknown): Finding {
  if (raw && typeof raw === 'object' && 'kind' in raw) return Finding.parse(raw);
  const old = OldFinding.parse(raw);
  const { check, ...amounts } = old.amounts ?? {};
  const kind = typeof check === 'string' ? (RENAMED_CHECKS[check] ?? check) : kindByRule(old, amounts);
  const upgraded = Finding.parse({
    kind,
    severity: old.severity,
    ruleId: old.ruleId,
    path: old.path,
    amounts: upgradeAmounts(kind, amounts, old),
    message: '',
  });
  return { ...upgraded, message: findingText(upgraded, 'en') };
}

/** The ladder's and the registry's findings had no check: their rule id and amounts tell them apart. */
function kindByRule(old: OldFinding, amounts: OldAmounts): string {
  switch (old.ruleId) {
    case 'P-W3':
      return 'region' in amounts ? 'ladderUnchecked' : 'min' in amounts ? 'bandBelowFloor' : 'payBelowFloor';
    case 'P-C1':
      return 'levelBelowPostClass';
    case 'P-C2':
      return 'id' in amounts ? 'duplicateLevelId' : 'levelBelowPrevious';
    case 'N-4':
      return amounts.status === 'expired' ? 'registrationExpired' : 'registrationExpiring';
    case 'P-R2':
      return 'ceHoursShort';
    case 'N-5':
      return 'cePeriodShort';
    default:
      throw new Error(`a stored finding of rule ${old.ruleId} at ${old.path} has no kind this code knows`);
  }
}

/**
 * The amounts under today's names. P-W3's `shortfallPerMonth` is `shortfall` (per month, as
 * everywhere now), and its certificate level, which a planned post's and a payroll row's finding
 * named only in their message ("… below the assistant floor of …"), is read back from there. A
 * ladder's lower requirement names which one it is, as its path did.
 */
function upgradeAmounts(kind: string, amounts: OldAmounts, old: OldFinding): OldAmounts {
  if (kind === 'payBelowFloor') {
    const { shortfallPerMonth, ...rest } = amounts;
    const certLevel = rest.certLevel ?? /below the (\w+) floor/.exec(old.message)?.[1];
    return {
      ...rest,
      ...(shortfallPerMonth === undefined ? {} : { shortfall: shortfallPerMonth }),
      ...(certLevel === undefined ? {} : { certLevel }),
    };
  }
  if (kind === 'levelBelowPrevious') return { requirement: old.path.split('/').at(-1) ?? '', ...amounts };
  return amounts;
}
