import {
  appliesFrom,
  type ContractVersion,
  guidelineEffect,
  guidelineStanding,
  type RuleSet,
  ruleSetRefOf,
  type StoredContract,
  sameContractTerms,
} from '@shegong/domain';
import { StoreError } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';

/**
 * Keeps a contract's page, its list row, its sheet and its edit page in step with the rule sets
 * published since it was costed (domain/contracts/guideline.ts says what is compared).
 *
 * Drafts are recosted when read, not when a rule set is published. A publication reaches the drafts
 * of every organisation in the region and the regions under it — other tenants' partitions, any
 * number of them — so recosting at publish would be an unbounded fan-out outside the publishing
 * transaction, with a window in which pages disagree. On read, the check is two in-force lookups per
 * (region, date), shared by a list's rows, and a stale draft is recosted once, in one transaction in
 * its organisation's own partition with a `contract.recost` audit event by the member who read it;
 * every read after that finds it current. Any read path (page, list, sheet, editor, API) goes
 * through here, so none of them can show the old costing.
 */

/** Looks up the rule set in force once per (region, date) for the rows of one request. */
export type InForceLookup = (region: string, date: string) => Promise<RuleSet | undefined>;

export function inForceLookup(ctx: UseCaseContext): InForceLookup {
  const seen = new Map<string, Promise<RuleSet | undefined>>();
  return (region, date) => {
    const key = `${region} ${date}`;
    let found = seen.get(key);
    if (!found) {
      found = ctx.store.ruleSetInForce(region, date);
      seen.set(key, found);
    }
    return found;
  };
}

/**
 * Recosts the callback's way: contracts.ts owns costing a draft, this module only decides when.
 * Returns the head and version after the recost.
 */
export type Recost = (head: StoredContract) => Promise<{ contract: StoredContract; version: ContractVersion }>;

/** The head as it stands now: recosted if a draft's costing is stale, with any newer guideline named. */
export async function currentHead(
  ctx: UseCaseContext,
  head: StoredContract,
  lookup: InForceLookup,
  recost: Recost,
): Promise<StoredContract> {
  const standing = await standingOf(head, lookup);
  if (standing.kind === 'recost') {
    const recosted = await recostOnce(ctx, head, recost);
    if (recosted.ruleSet.id !== head.ruleSet.id) return currentHead(ctx, recosted, lookup, recost);
    // Not recosted (it could not be, as it stands): say which rule set applies instead.
    const { ruleSet } = standing;
    return { ...recosted, newerGuideline: { ruleSet, appliesFrom: appliesFrom(ruleSet, head.startDate) } };
  }
  if (standing.kind === 'newer') {
    return { ...head, newerGuideline: { ruleSet: standing.ruleSet, appliesFrom: standing.appliesFrom } };
  }
  return head;
}

async function standingOf(head: StoredContract, lookup: InForceLookup) {
  const region = head.purchaser.region;
  const [atStart, atEnd] = await Promise.all([lookup(region, head.startDate), lookup(region, head.endDate)]);
  // The rule sets at hand are the two in force; the one costed with is usually the one at the start.
  // Where it is neither, its parameters are not read (one more GetItem per row): it counts as changed.
  const known = [atStart, atEnd].filter((r): r is RuleSet => r !== undefined);
  const costed = known.find((r) => r.id === head.ruleSet.id);
  return guidelineStanding({
    changesContracts: (ref) => {
      const other = known.find((r) => r.id === ref.id);
      return !costed || !other || !sameContractTerms(costed.parameters, other.parameters);
    },
    status: head.status,
    startDate: head.startDate,
    costedWith: head.ruleSet,
    inForceAtStart: atStart && ruleSetRefOf(atStart),
    inForceAtEnd: atEnd && ruleSetRefOf(atEnd),
  });
}

/**
 * Recosts a stale draft. Two readers may race to do it, or its author may save meanwhile: the loser's
 * write is stale, and the head stored by the winner is the answer.
 */
async function recostOnce(ctx: UseCaseContext, head: StoredContract, recost: Recost): Promise<StoredContract> {
  try {
    return (await recost(head)).contract;
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'stale_version' || error.code === 'conflict'))
      return ctx.repos.contracts.get(head.id);
    throw error;
  }
}

/** What the newer guideline would change for this version, for a contract's own page and API read. */
export async function withEffect(
  ctx: UseCaseContext,
  head: StoredContract,
  version: ContractVersion,
): Promise<StoredContract> {
  if (!head.newerGuideline || version.number !== head.currentVersion) return head;
  const newer = await ctx.store.ruleSet(head.newerGuideline.ruleSet.id);
  return { ...head, newerGuideline: { ...head.newerGuideline, effect: guidelineEffect(version, newer.parameters) } };
}
