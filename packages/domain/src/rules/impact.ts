import { z } from 'zod';
import { assessContract } from '../contracts/assessment.ts';
import type { CostedDraft } from '../contracts/records.ts';
import type { Finding } from '../findings/finding.ts';
import { count, date, fen } from '../units/units.ts';
import { ruleSetInForce } from './in-force.ts';
import type { RuleSet, RuleSetParameters } from './rule-set.ts';

/**
 * What a draft rule set would do to the contracts it would govern, before a bureau publishes it:
 * each contract's agreed posts and budget costed again with the draft's parameters (as
 * guidelineEffect does for a published newer guideline), counted per county and in total.
 *
 * Counted effects, each with its rule id:
 * - payBelowFloor (P-W3): someone's monthly pay is below the draft's floor for their level;
 * - labourShareBelowMin (P-W2): the personnel line falls under the draft's labour-share minimum;
 * - belowPriceFloor (P-W2): the contract value is below the draft's price floor (or no value is
 *   feasible under it: noPriceFloor);
 * - extraFunding (P-W2): the sum over the contracts below their new price floor of
 *   (new price floor − value): what the purchasers would have to add for every affected contract
 *   to pay its staff at the draft's guideline. A contract with no feasible floor adds nothing (it
 *   is counted in noPriceFloor: no amount would do).
 *
 * Stages: `draft` is a contract not yet agreed (draft or submitted: it would be recosted); `running`
 * is one agreed (signed or running: it keeps its version and would be shown the newer guideline).
 */

export const IMPACT_KINDS = ['payBelowFloor', 'labourShareBelowMin', 'belowPriceFloor', 'noPriceFloor'] as const;
export type ImpactKind = (typeof IMPACT_KINDS)[number];
export const IMPACT_RULES = {
  payBelowFloor: 'P-W3',
  labourShareBelowMin: 'P-W2',
  belowPriceFloor: 'P-W2',
  noPriceFloor: 'P-W2',
  extraFunding: 'P-W2',
} as const;
export const IMPACT_STAGES = ['draft', 'running'] as const;
export type ImpactStage = (typeof IMPACT_STAGES)[number];

/** The stage of a contract status the impact counts, or undefined for one it does not (closed). */
export function impactStage(status: string): ImpactStage | undefined {
  if (status === 'draft' || status === 'submitted') return 'draft';
  if (status === 'signed' || status === 'running') return 'running';
  return undefined;
}

export const ImpactCounts = z.object({
  examined: count.describe('Contracts the draft would govern'),
  payBelowFloor: count.describe('With someone paid below the draft’s floor (P-W3)'),
  labourShareBelowMin: count.describe('With the personnel line under the draft’s minimum share (P-W2)'),
  belowPriceFloor: count.describe('Valued below the draft’s price floor (P-W2)'),
  noPriceFloor: count.describe('For which no value is feasible under the draft (P-W2)'),
  extraFunding: fen.describe('Sum of (new price floor − value) over those below it, fen (P-W2)'),
});
export type ImpactCounts = z.infer<typeof ImpactCounts>;

export const ImpactFigures = z.object({ draft: ImpactCounts, running: ImpactCounts, total: ImpactCounts });
export type ImpactFigures = z.infer<typeof ImpactFigures>;

export const ImpactedContract = z.object({
  organisationId: z.string(),
  contractId: z.string(),
  number: z.string(),
  title: z.string(),
  county: z.string(),
  status: z.string(),
  stage: z.enum(IMPACT_STAGES),
  value: fen,
  appliesFrom: date.describe('The first day of its term the draft would govern'),
  priceFloor: z.object({ before: fen.optional(), after: fen.optional() }).describe('Fen; absent where infeasible'),
  extraFunding: fen.describe('max(0, new price floor − value), fen (P-W2)'),
  effects: z.array(z.enum(IMPACT_KINDS)).describe('What the draft would flag on it'),
  before: z.array(z.enum(IMPACT_KINDS)).describe('What its current costing already flags'),
});
export type ImpactedContract = z.infer<typeof ImpactedContract>;

export const GuidelineImpact = z
  .object({
    region: z.string(),
    effectiveFrom: date,
    figures: ImpactFigures,
    counties: z.array(ImpactFigures.extend({ county: z.string() })),
    contracts: z.array(ImpactedContract).describe('Every contract the draft would govern with at least one effect'),
    ruleIds: z.object({
      payBelowFloor: z.literal('P-W3'),
      labourShareBelowMin: z.literal('P-W2'),
      belowPriceFloor: z.literal('P-W2'),
      noPriceFloor: z.literal('P-W2'),
      extraFunding: z.literal('P-W2'),
    }),
  })
  .meta({
    id: 'GuidelineImpact',
    description: 'What a draft rule set would do to the contracts in the jurisdiction it would govern',
  });
export type GuidelineImpact = z.infer<typeof GuidelineImpact>;

/** The day the draft would start to govern a contract: the later of its effective date and the start. */
export const governedDay = (effectiveFrom: string, startDate: string): string =>
  // ISO dates: string order is date order.
  [effectiveFrom, startDate].sort()[1] as string;

/**
 * The first day of a contract's term the draft would govern, or undefined: the draft must be in
 * force (against the one in force now for that region and day, county before city, P-U1) on the
 * later of its effective date and the contract's start, within the term.
 */
export function draftGoverns(
  draft: Pick<RuleSet, 'region' | 'effectiveFrom'>,
  contract: { region: string; startDate: string; endDate: string },
  inForceThen: RuleSet | undefined,
): string | undefined {
  const day = governedDay(draft.effectiveFrom, contract.startDate);
  if (day > contract.endDate) return undefined;
  // A published version of the same region and date is corrected by the draft: it gets the next version.
  const candidate = {
    ...draft,
    version:
      inForceThen && inForceThen.region === draft.region && inForceThen.effectiveFrom === draft.effectiveFrom
        ? inForceThen.version + 1
        : 1,
  } as RuleSet;
  const found = ruleSetInForce(inForceThen ? [inForceThen, candidate] : [candidate], contract.region, day);
  return found === candidate ? day : undefined;
}

const effectsOf = (findings: readonly Finding[]): ImpactKind[] =>
  IMPACT_KINDS.filter((k) => findings.some((f) => f.kind === k));

/** One governed contract costed with the draft. */
export function contractImpact(
  contract: {
    organisationId: string;
    id: string;
    number: string;
    title: string;
    status: string;
    value: number;
    region: string;
  },
  appliesFrom: string,
  version: Pick<CostedDraft, 'draft' | 'costedPosts' | 'assessment'>,
  rules: RuleSetParameters,
): ImpactedContract | undefined {
  const stage = impactStage(contract.status);
  if (!stage) return undefined;
  const { draft, costedPosts, assessment } = version;
  const after = assessContract({ ...draft, plan: { ...draft.plan, posts: costedPosts } }, rules);
  const floorAfter = after.priceFloor.feasible ? after.priceFloor.value : undefined;
  const floorBefore = assessment.priceFloor.feasible ? assessment.priceFloor.value : undefined;
  const value = draft.terms.value;
  return {
    organisationId: contract.organisationId,
    contractId: contract.id,
    number: contract.number,
    title: contract.title,
    county: contract.region,
    status: contract.status,
    stage,
    value,
    appliesFrom,
    priceFloor: {
      ...(floorBefore === undefined ? {} : { before: floorBefore }),
      ...(floorAfter === undefined ? {} : { after: floorAfter }),
    },
    extraFunding: floorAfter === undefined ? 0 : Math.max(0, floorAfter - value),
    effects: effectsOf(after.findings),
    before: effectsOf(assessment.findings),
  };
}

const zero = (): ImpactCounts => ({
  examined: 0,
  payBelowFloor: 0,
  labourShareBelowMin: 0,
  belowPriceFloor: 0,
  noPriceFloor: 0,
  extraFunding: 0,
});
const emptyFigures = (): ImpactFigures => ({ draft: zero(), running: zero(), total: zero() });

function add(counts: ImpactCounts, c: ImpactedContract): void {
  counts.examined++;
  for (const k of c.effects) counts[k]++;
  counts.extraFunding += c.extraFunding;
}

/** The figures per county and in total, and the list behind them (contracts with an effect). */
export function summariseImpact(
  draft: Pick<RuleSet, 'region' | 'effectiveFrom'>,
  examined: readonly ImpactedContract[],
): GuidelineImpact {
  const figures = emptyFigures();
  const counties = new Map<string, ImpactFigures>();
  for (const c of examined) {
    const county = counties.get(c.county) ?? emptyFigures();
    counties.set(c.county, county);
    for (const f of [figures, county]) {
      add(f[c.stage], c);
      add(f.total, c);
    }
  }
  return {
    region: draft.region,
    effectiveFrom: draft.effectiveFrom,
    figures,
    counties: [...counties.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([county, f]) => ({ county, ...f })),
    contracts: examined
      .filter((c) => c.effects.length > 0)
      .sort((a, b) => (a.county !== b.county ? (a.county < b.county ? -1 : 1) : a.number < b.number ? -1 : 1)),
    ruleIds: IMPACT_RULES,
  };
}
