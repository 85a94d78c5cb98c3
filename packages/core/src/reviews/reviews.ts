import {
  type ContractReview,
  type ContractVersion,
  cityOf,
  explainPriceFloor,
  type PriceFloorExplanation,
  type ReviewDecision,
  type ReviewRecord,
  type StoredContract,
} from '@shegong/domain';
import type { Page, PageRequest } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import { type BudgetVsActualView, budgetAgainstActual } from '../actuals/actuals.ts';
import type { UseCaseContext } from '../context.ts';
import { jurisdictionContract, jurisdictionContracts } from '../jurisdiction/jurisdiction.ts';
import { Conflict, Forbidden, NotFound } from '../refusals.ts';

/**
 * Review before signing (提交审核, P-U1). An organisation's submission names the bureau that reviews
 * it; that bureau's reviewer approves it or returns it to draft with reasons. The city reads its
 * counties' queues too, but only the responsible bureau decides: a county with its own bureau
 * decides its own contracts, and the city sees them to supervise, not to overrule (a decision by
 * the city on a county's contract is Forbidden, 403 — the contract is in its jurisdiction, so not a
 * 404; the decision is simply not its to make).
 */

/** Who decides: a bureau's reviewers (审核) and its admin. Auditors (审计) read, as every member does. */
export const REVIEWERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'reviewer'] };

/**
 * The review a submission starts: the bureau responsible for the purchaser's region (its county's
 * bureau where the county has one on the platform, else its city's). A region no bureau on the
 * platform covers cannot be submitted: there would be nobody to approve it.
 */
export async function submissionReview(ctx: UseCaseContext, head: StoredContract): Promise<ContractReview> {
  const region = head.purchaser.region;
  const bureau = await ctx.store.reviewingBureau(region, cityOf(region));
  if (!bureau) {
    throw new Conflict(
      `No civil-affairs bureau on the platform covers the purchaser's region ${region}, so nobody could review this contract; nothing was changed`,
      {
        reason: 'noReviewingBureau',
        fields: [{ path: '/terms/purchaser/region', message: 'has no bureau on the platform' }],
      },
    );
  }
  return {
    state: 'pending',
    bureau,
    organisation: ctx.tenant.name,
    submittedAt: new Date().toISOString(),
    reasons: [],
  };
}

/** A contract waiting in a bureau's queue: whose it is, and whether this bureau decides it. */
export interface QueuedContract {
  organisationId: string;
  contract: StoredContract;
  /** Whether the signed-in bureau is the one responsible (a city reads its counties' queues too). */
  decides: boolean;
}

/** A page of the contracts waiting for review in the jurisdiction, by region then oldest first. */
export async function reviewQueue(ctx: UseCaseContext, page: PageRequest): Promise<Page<QueuedContract>> {
  const found = await jurisdictionContracts(ctx).reviewQueue(page);
  return {
    ...found,
    items: found.items.map(({ organisationId, contract }) => ({
      organisationId,
      contract,
      decides: contract.review?.bureau.id === ctx.tenant.id,
    })),
  };
}

/** How many contracts wait for this bureau's own decision (the menu's and the dashboard's count). */
export function reviewsWaiting(ctx: UseCaseContext): Promise<number> {
  return jurisdictionContracts(ctx).waitingFor(ctx.tenant.id);
}

/** The bureau's audit view of one contract (no ID-card or phone number: versions carry none). */
export interface JurisdictionContractView {
  organisation: { id: string; name: string };
  contract: StoredContract;
  version: ContractVersion;
  /** The version's price floor explained: why it is the smallest value (P-W2, domain floor-explanation.ts). */
  floor: PriceFloorExplanation;
  /** Every decision on it, oldest first, whichever bureau made it. */
  reviews: ReviewRecord[];
  /** Whether the signed-in bureau may decide it now (submitted, and this bureau responsible). */
  decidable: boolean;
}

/** A contract of the jurisdiction with one version (the current one by default); NotFound outside it. */
export async function jurisdictionContractView(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
  versionNumber?: number,
): Promise<JurisdictionContractView> {
  const reads = jurisdictionContracts(ctx);
  const contract = await jurisdictionContract(ctx, organisationId, contractId);
  const [version, reviews, name] = await Promise.all([
    reads.version(organisationId, contractId, versionNumber ?? contract.currentVersion),
    reads.decisions(organisationId, contract),
    contract.review ? Promise.resolve(contract.review.organisation) : reads.organisationName(organisationId),
  ]);
  if (!version) throw new NotFound('Contract version not found');
  const { fixed, managementShare } = version.assessment.priceFloor;
  return {
    organisation: { id: organisationId, name: name ?? organisationId },
    contract,
    version,
    floor: explainPriceFloor(version.costedPosts, fixed, managementShare, version.rules),
    reviews,
    decidable: contract.status === 'submitted' && contract.review?.bureau.id === ctx.tenant.id,
  };
}

/**
 * Budget against actual of a contract in the jurisdiction: the same figures the organisation sees
 * (actuals.ts budgetVsActualView), read through the jurisdiction instead of the organisation's own
 * repositories.
 */
export async function jurisdictionBudgetVsActual(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
): Promise<BudgetVsActualView> {
  const reads = jurisdictionContracts(ctx);
  const contract = await jurisdictionContract(ctx, organisationId, contractId);
  const [version, months] = await Promise.all([
    reads.version(organisationId, contractId, contract.currentVersion),
    reads.actualMonths(organisationId, contractId),
  ]);
  if (!version || !months) throw new NotFound('Contract not found');
  return { contract, version, months, budgetVsActual: budgetAgainstActual(version, months) };
}

/**
 * A reviewer's decision on a submitted contract: approved, or returned to draft with its reasons,
 * in one transaction (store/reviews.ts). NotFound outside the jurisdiction; Forbidden for a bureau
 * that is not the responsible one; Conflict when it no longer waits; Stale on an old If-Match.
 */
export async function decideReview(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
  decision: ReviewDecision,
  expectedVersion: number,
): Promise<{ contract: StoredContract; review: ReviewRecord }> {
  const head = await jurisdictionContract(ctx, organisationId, contractId);
  if (head.status !== 'submitted' || !head.review) {
    throw new Conflict(`This contract is ${head.status}, not waiting for review; nothing was decided`, {
      reason: 'notWaiting',
    });
  }
  if (head.review.bureau.id !== ctx.tenant.id) {
    throw new Forbidden(`Only ${head.review.bureau.name}, the bureau responsible for this contract, decides it`);
  }
  const me = await ctx.repos.users.find(ctx.actor.userId).catch(() => undefined);
  return ctx.store.reviewDesk({ tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind }).decide(
    organisationId,
    head,
    {
      decision: decision.decision,
      reasons: decision.reasons,
      decidedByName: me?.name ?? ctx.actor.userId,
      date: ctx.clock.today(),
    },
    expectedVersion,
  );
}

/** What waits for the organisation after a review: drafts returned, and approved contracts to sign. */
export function contractsAwaitingAction(ctx: UseCaseContext): Promise<{ returned: number; approved: number }> {
  return ctx.repos.contracts.awaitingAction();
}
