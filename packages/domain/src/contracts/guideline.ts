import { z } from 'zod';
import { Finding } from '../findings/finding.ts';
import { canonicalJson } from '../history/canonical.ts';
import { type RuleSetParameters, RuleSetRef } from '../rules/rule-set.ts';
import { date, fen } from '../units/units.ts';
import { assessContract } from './assessment.ts';
import type { ContractStatus } from './contract.ts';
import type { CostedDraft } from './records.ts';

/**
 * Whether a contract's costing still uses the rule set in force for it (N-3, P-U1). Rule sets are
 * published after contracts are costed: a bureau raises the floor, or corrects a version. A draft is
 * recosted with the rule set now in force on its start date; a submitted, signed or running one keeps
 * the version as it was agreed and is shown what a newer guideline in force within its term would
 * change. A closed contract is history and is not compared.
 */

/** Where a contract stands against the rule sets published since it was costed. */
export type GuidelineStanding =
  | { kind: 'current' }
  /** A draft whose start date now falls under another rule set: cost it again with `ruleSet`. */
  | { kind: 'recost'; ruleSet: RuleSetRef }
  /** A newer rule set applies within the term, from `appliesFrom`: shown, the version is not rewritten. */
  | { kind: 'newer'; ruleSet: RuleSetRef; appliesFrom: string };

export interface GuidelineFacts {
  status: ContractStatus;
  startDate: string;
  /** The rule set the current version was costed with. */
  costedWith: RuleSetRef;
  /** The rule sets in force for the purchaser's region on the first and last day of the term. */
  inForceAtStart: RuleSetRef | undefined;
  inForceAtEnd: RuleSetRef | undefined;
  /**
   * Whether a rule set other than `costedWith` changes anything a contract is costed or checked
   * with (sameContractTerms); absent, every other rule set does. A version that only publishes, say,
   * the internship rates (P-A9) is not a new guideline for a contract: no tag, nothing to compare.
   */
  changesContracts?: (ruleSet: RuleSetRef) => boolean;
}

/**
 * Whether two rule sets' parameters agree on everything a contract is costed or checked with: all
 * of them but the incentives (`awards`, P-A1 … P-A9), which no contract's costing or finding reads.
 */
export function sameContractTerms(a: RuleSetParameters, b: RuleSetParameters): boolean {
  const { awards: _a, ...termsA } = a;
  const { awards: _b, ...termsB } = b;
  return canonicalJson(termsA) === canonicalJson(termsB);
}

export function guidelineStanding(facts: GuidelineFacts): GuidelineStanding {
  const { status, costedWith, inForceAtStart, inForceAtEnd, startDate } = facts;
  const changes = facts.changesContracts ?? (() => true);
  if (status === 'closed') return { kind: 'current' };
  if (status === 'draft' && inForceAtStart && inForceAtStart.id !== costedWith.id)
    return { kind: 'recost', ruleSet: inForceAtStart };
  // The latest first: one taking effect within the term is newer than a correction at its start.
  const newer = [inForceAtEnd, inForceAtStart].find((r) => r !== undefined && r.id !== costedWith.id && changes(r));
  if (!newer) return { kind: 'current' };
  return { kind: 'newer', ruleSet: newer, appliesFrom: appliesFrom(newer, startDate) };
}

/** The first day of a term that a rule set applies to: its effective date, or the start if earlier. */
export function appliesFrom(ruleSet: Pick<RuleSetRef, 'effectiveFrom'>, startDate: string): string {
  return ruleSet.effectiveFrom > startDate ? ruleSet.effectiveFrom : startDate;
}

/** The identity of a finding across two costings of the same draft: what it is and where. */
const findingKey = (f: Finding) => `${f.kind} ${f.path}`;

export const GuidelineEffect = z
  .object({
    labourCost: z.object({ before: fen, after: fen }).describe('L as agreed and under the newer rule set (P-W2)'),
    priceFloor: z
      .object({ before: fen.optional(), after: fen.optional() })
      .describe('The price floor as agreed and under the newer rule set, fen; absent where none is feasible (P-W2)'),
    added: z.array(Finding).describe('Findings the newer rule set would add'),
    resolved: z.array(Finding).describe('Findings the newer rule set would clear'),
  })
  .describe('What costing the agreed posts and budget with the newer rule set would change');
export type GuidelineEffect = z.infer<typeof GuidelineEffect>;

export const NewerGuideline = z
  .object({
    ruleSet: RuleSetRef,
    appliesFrom: date.describe('The first day of the term it applies to'),
    effect: GuidelineEffect.optional().describe('Present when one contract is read, not in lists'),
  })
  .meta({
    id: 'NewerGuideline',
    description:
      'A rule set in force within the term that the current version was not costed with (N-3, P-U1): the agreed version is kept as it is',
  });
export type NewerGuideline = z.infer<typeof NewerGuideline>;

/**
 * Costs a version's posts as they were costed (the named people's pay and certificates as agreed)
 * and its budget with `rules`, and says what would change: the rule change alone, not the registry's.
 */
export function guidelineEffect(
  version: Pick<CostedDraft, 'draft' | 'costedPosts' | 'assessment'>,
  rules: RuleSetParameters,
): GuidelineEffect {
  const { draft, costedPosts, assessment: before } = version;
  const after = assessContract({ ...draft, plan: { ...draft.plan, posts: costedPosts } }, rules);
  const beforeKeys = new Set(before.findings.map(findingKey));
  const afterKeys = new Set(after.findings.map(findingKey));
  const floorOf = (a: typeof before) => (a.priceFloor.feasible ? a.priceFloor.value : undefined);
  const [floorBefore, floorAfter] = [floorOf(before), floorOf(after)];
  return {
    labourCost: { before: before.costing.labourCost, after: after.costing.labourCost },
    priceFloor: {
      ...(floorBefore === undefined ? {} : { before: floorBefore }),
      ...(floorAfter === undefined ? {} : { after: floorAfter }),
    },
    added: after.findings.filter((f) => !beforeKeys.has(findingKey(f))),
    resolved: before.findings.filter((f) => !afterKeys.has(findingKey(f))),
  };
}
