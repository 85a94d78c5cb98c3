import { z } from 'zod';
import { ContractCosting, costPlan } from '../costing/budget.ts';
import { priceFloor, priceFloorWith } from '../costing/price-floor.ts';
import { floorDiv, product } from '../costing/rounding.ts';
import { BLOCKING_TERM_KINDS, belowPriceFloor, noPriceFloor, TERM_KINDS } from '../findings/contract.ts';
import { Finding, isKind } from '../findings/finding.ts';
import { highestCertificate } from '../people/certificates.ts';
import type { PersonInput } from '../people/person.ts';
import type { RuleSetParameters } from '../rules/rule-set.ts';
import { bp, count, fen } from '../units/units.ts';
import { type ContractDraft, ContractPost } from './contract.ts';
import { floorBinding } from './floor-explanation.ts';
import { termFindings, termMonths } from './term.ts';

/**
 * A contract version costed against the rule set in force on its start date: COSTING.md's post
 * costs and budget checks, N-1 and N-3 on the terms, and the price floor for the plan with the
 * budget's own fixed lines and management share. The API, the pages and the exports all show this
 * one object, so they cannot disagree.
 */

/** What a post needs of a named person from the staff registry. */
export type NamedPerson = Pick<PersonInput, 'name' | 'monthlyPay' | 'certificates'> & { id: string };

/** A post as costed: a named person's pay and certificate replace the plan's. */
export const CostedPost = ContractPost.extend({ personName: z.string().optional() }).meta({
  id: 'CostedPost',
  description: 'A post as costed: a named person’s pay, highest certificate and name filled in',
});
export type CostedPost = z.infer<typeof CostedPost>;

/**
 * Puts each named person's monthly pay and highest certificate on the start date into their post.
 * Returns the indexes of posts naming someone not in `people`, for the caller to refuse.
 */
export function resolveNamedPosts(
  posts: readonly ContractPost[],
  people: ReadonlyMap<string, NamedPerson>,
  startDate: string,
): { posts: CostedPost[]; unknown: number[] } {
  const unknown: number[] = [];
  const resolved = posts.map((post, i) => {
    if (!post.personId) return post;
    const person = people.get(post.personId);
    if (!person) {
      unknown.push(i);
      return post;
    }
    return {
      ...post,
      certLevel: highestCertificate(person, startDate),
      monthlyPay: person.monthlyPay,
      personName: person.name,
    };
  });
  return { posts: resolved, unknown };
}

export const ContractPriceFloor = priceFloorWith({
  managementShare: bp.describe('m: the budget’s own management share (bp, rounded down), at most the cap'),
  fixed: z.object({ supervision: fen, activities: fen, other: fen }).describe('The budget’s own fixed lines'),
  ruleId: z.literal('P-W2'),
}).meta({
  id: 'ContractPriceFloor',
  description: 'The smallest contract value that pays this plan at the guideline (P-W2)',
});
export type ContractPriceFloor = z.infer<typeof ContractPriceFloor>;

export const ContractAssessment = z
  .object({
    termMonths: count,
    costing: ContractCosting,
    priceFloor: ContractPriceFloor,
    findings: z
      .array(Finding)
      .describe('Every finding (N-1, N-3, P-W2, P-W3, N-7), with a JSON pointer into the draft (/terms/…, /plan/…)'),
  })
  .meta({
    id: 'ContractAssessment',
    description: 'A contract version costed against the rule set in force on its start date',
  });
export type ContractAssessment = z.infer<typeof ContractAssessment>;

/** costPlan's pointers are into {posts, budget}; a draft keeps them under /plan and /terms. */
function intoDraft(path: string): string {
  if (path.startsWith('/posts/')) return `/plan${path}`;
  if (path.startsWith('/budget/lines/')) return `/plan/lines/${path.slice('/budget/lines/'.length)}`;
  if (path === '/budget/value') return '/terms/value';
  return path;
}

/** The budget's management share in bp, rounded down and held to the cap (the cap when V is 0). */
function managementShareOf(draft: ContractDraft, rules: RuleSetParameters): number {
  const { value } = draft.terms;
  if (value <= 0) return rules.maxManagementShare;
  return Math.min(rules.maxManagementShare, floorDiv(product(draft.plan.lines.management, 10_000), value));
}

export function assessContract(draft: ContractDraft, rules: RuleSetParameters): ContractAssessment {
  const { terms, plan } = draft;
  const costing = costPlan({ posts: plan.posts, budget: { value: terms.value, lines: plan.lines }, rules });
  const fixed = { supervision: plan.lines.supervision, activities: plan.lines.activities, other: plan.lines.other };
  const managementShare = managementShareOf(draft, rules);
  const floor = priceFloor({ posts: plan.posts, fixed, managementShare, rules });

  const findings: Finding[] = termFindings(terms, rules);
  for (const f of costing.findings) findings.push({ ...f, path: intoDraft(f.path) });
  if (!floor.feasible) findings.push(noPriceFloor({ value: terms.value, managementShare }));
  else if (terms.value < floor.value) {
    const binding = floorBinding(floor.value, costing.labourCost, fixed, managementShare, rules);
    findings.push(
      belowPriceFloor({
        value: terms.value,
        priceFloor: floor.value,
        managementShare,
        labourCost: costing.labourCost,
        binding,
      }),
    );
  }
  return {
    termMonths: termMonths(terms.startDate, terms.endDate),
    costing,
    priceFloor: { ...floor, managementShare, fixed, ruleId: 'P-W2' },
    findings,
  };
}

/** N-1 findings that refuse a save (a term too long, or over a year without the stable mark). */
export function blockingTermFindings(draft: ContractDraft, rules: RuleSetParameters): Finding[] {
  return termFindings(draft.terms, rules).filter((f) => isKind(f, ...BLOCKING_TERM_KINDS));
}

/** Findings that stop a submission: the terms' own (N-1, N-3). Costing findings are shown, not blocking. */
export function submissionBlockers(assessment: ContractAssessment): Finding[] {
  return assessment.findings.filter((f) => f.severity === 'error' && isKind(f, ...TERM_KINDS));
}
