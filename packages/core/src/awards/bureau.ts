import {
  type AwardClaim,
  type AwardClaimStep,
  AwardPaymentInput,
  AwardRefusal,
  type BureauClaimStatus,
  type LedgerEntryRecord,
  withinLedgerCeiling,
} from '@shegong/domain';
import {
  type Page,
  type PageRequest,
  publicClaim,
  type StoredAwardClaim,
  StoreError,
  stageClaimMove,
  stageLedgerEntry,
  timeOrderedId,
} from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { jurisdiction } from '../jurisdiction/jurisdiction.ts';
import { Conflict, Forbidden, Invalid, NotFound, Stale } from '../refusals.ts';
import { assessClaim, refuseIneligible } from './assess.ts';
import { claimStep } from './claims.ts';

/**
 * The bureau's side of level-improvement claims (P-A2 … P-A7): the queue of its jurisdiction by
 * state, the decision (approve after re-assessing, or refuse with a reason) and the payment into the
 * person's ledger. Like contract reviews, a city reads its counties' claims but only the bureau the
 * claim went to decides it (403 for the city on a county's claim; 404 outside the jurisdiction).
 */

/** Every member of a bureau reads the claims of its jurisdiction. */
export const AWARD_READERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'auditor', 'reviewer'] };
/** Who decides and records payments: the bureau's reviewers and its admin. */
export const AWARD_DECIDERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'reviewer'] };

export function jurisdictionAwards(ctx: UseCaseContext) {
  return ctx.store.awards(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    jurisdiction(ctx),
  );
}

/** A claim as a bureau reads it, with what the signed-in bureau may do with it now. */
export interface BureauClaimView {
  claim: AwardClaim;
  /** Whether this bureau is the one the claim went to (a city reads its counties’ claims too). */
  decides: boolean;
  canDecide: boolean;
  canPay: boolean;
}

function viewOf(ctx: UseCaseContext, claim: StoredAwardClaim): BureauClaimView {
  const decides = claim.bureau.id === ctx.tenant.id;
  return {
    claim: publicClaim(claim),
    decides,
    canDecide: decides && claim.status === 'endorsed',
    canPay: decides && claim.status === 'approved',
  };
}

async function queuedClaim(ctx: UseCaseContext, claimId: string): Promise<StoredAwardClaim> {
  const claim = await jurisdictionAwards(ctx).claim(claimId);
  if (!claim) throw new NotFound('Award claim not found');
  return claim;
}

export async function bureauAwardClaim(ctx: UseCaseContext, claimId: string): Promise<BureauClaimView> {
  return viewOf(ctx, await queuedClaim(ctx, claimId));
}

/** A page of one state's claims in the jurisdiction (by region, oldest first). */
export async function bureauAwardQueue(
  ctx: UseCaseContext,
  status: BureauClaimStatus,
  page: PageRequest,
): Promise<Page<BureauClaimView>> {
  const found = await jurisdictionAwards(ctx).page(status, page);
  return { ...found, items: found.items.map((c) => viewOf(ctx, c)) };
}

/** How many endorsed claims wait for this bureau's own decision (the menu's badge): one COUNT Query. */
export function awardClaimsWaiting(ctx: UseCaseContext): Promise<number> {
  return jurisdictionAwards(ctx).count('endorsed', ctx.tenant.id);
}

async function decidable(ctx: UseCaseContext, claimId: string, expectedVersion: number, from: AwardClaim['status']) {
  const claim = await queuedClaim(ctx, claimId);
  if (claim.bureau.id !== ctx.tenant.id)
    throw new Forbidden(`Only ${claim.bureau.name}, the bureau this claim went to, decides it`);
  if (claim.version !== expectedVersion)
    throw new Stale('This claim was changed by someone else; reload it and try again');
  if (claim.status !== from)
    throw new Conflict(`This claim is ${claim.status}, not ${from}; nothing was changed`, { reason: 'wrongState' });
  return claim;
}

async function actorName(ctx: UseCaseContext): Promise<string> {
  const me = await ctx.repos.users.find(ctx.actor.userId).catch(() => undefined);
  return me?.name ?? ctx.actor.userId;
}

/** Commits a bureau's move of an organisation's claim, audited in both trails; a lost race is Stale. */
async function commitMove(
  ctx: UseCaseContext,
  claim: StoredAwardClaim,
  next: StoredAwardClaim,
  action: string,
  also?: (mutation: ReturnType<UseCaseContext['repos']['scope']['mutation']>) => void,
): Promise<void> {
  // The claim is the organisation's: the bureau's move crosses into its partition (a named crossing).
  const mutation = ctx.repos.scope.across('awardClaimDecision', claim.organisationId).mutation();
  stageClaimMove(mutation, claim, next);
  also?.(mutation);
  mutation
    .audited(action, 'AwardClaim', claim.id, next.version, publicClaim(next))
    .auditedIn(claim.organisationId, action, 'AwardClaim', claim.id, next.version, publicClaim(next));
  try {
    await mutation.commit();
  } catch (error) {
    // Two reviewers at once, or a payment racing another for the same person: the loser re-reads.
    if (error instanceof StoreError && (error.code === 'conflict' || error.code === 'stale_version'))
      throw new Stale('This claim or the person’s award ledger changed meanwhile; reload it and try again');
    throw error;
  }
}

function moved(claim: StoredAwardClaim, step: AwardClaimStep, change: Partial<StoredAwardClaim>): StoredAwardClaim {
  return {
    ...claim,
    ...change,
    steps: [...claim.steps, step],
    updatedAt: step.at,
    version: claim.version + 1,
  };
}

/**
 * Approves an endorsed claim after assessing it again with the ledger as it is now (a payment
 * recorded meanwhile, in this organisation or another, lowers what is left: P-A5); refused with
 * its rule ids when nothing is left or it is no longer eligible.
 */
export async function approveAwardClaim(
  ctx: UseCaseContext,
  claimId: string,
  expectedVersion: number,
): Promise<BureauClaimView> {
  const claim = await decidable(ctx, claimId, expectedVersion, 'endorsed');
  const { assessment } = await assessClaim(ctx, claim);
  if (!assessment.eligible) refuseIneligible(assessment, 'This claim cannot be approved');
  const step = claimStep(ctx, await actorName(ctx), 'approve', { amount: assessment.amount });
  const next = moved(claim, step, { status: 'approved', assessment, amount: assessment.amount });
  await commitMove(ctx, claim, next, 'award.claim.approve');
  return viewOf(ctx, next);
}

/** Refuses an endorsed claim with a reason (required); the person may claim again later. */
export async function refuseAwardClaim(
  ctx: UseCaseContext,
  claimId: string,
  input: unknown,
  expectedVersion: number,
): Promise<BureauClaimView> {
  const { reason } = parsed(AwardRefusal, input);
  const claim = await decidable(ctx, claimId, expectedVersion, 'endorsed');
  const step = claimStep(ctx, await actorName(ctx), 'refuse', { note: reason });
  const next = moved(claim, step, { status: 'refused', refusal: reason });
  await commitMove(ctx, claim, next, 'award.claim.refuse');
  return viewOf(ctx, next);
}

/**
 * Records the payment of an approved claim (date, voucher reference) into the person's ledger: the
 * claim is assessed once more and pays what is left now (P-A5); then one transaction moves the
 * claim to paid (conditional on its version), writes the ledger entry and moves the ledger's head
 * (conditional on the version read, total + amount within the ceiling), with both audit events.
 * Racing payments for one person: exactly one lands; the others answer Stale.
 */
export async function recordAwardPayment(
  ctx: UseCaseContext,
  claimId: string,
  input: unknown,
  expectedVersion: number,
): Promise<BureauClaimView> {
  const payment = parsed(AwardPaymentInput, input);
  const claim = await decidable(ctx, claimId, expectedVersion, 'approved');
  if (payment.date > ctx.clock.today())
    throw new Invalid('A payment cannot be recorded before it is made', {
      fields: [{ path: '/date', message: 'must not be after today', code: 'future' }],
    });
  if (payment.date < claim.claimDate)
    throw new Invalid('A payment cannot precede its claim', {
      fields: [{ path: '/date', message: `must not be before the claim date ${claim.claimDate}`, code: 'beforeClaim' }],
    });
  const { assessment, ledger, params } = await assessClaim(ctx, claim);
  if (!assessment.eligible) refuseIneligible(assessment, 'This claim cannot be paid');
  const paidSoFar = ledger.head?.total ?? 0;
  const highest = claim.level;
  // The head's total is what the store's condition holds to: the entries were read after it.
  if (!withinLedgerCeiling(paidSoFar, assessment.amount, highest, params.levelAmounts))
    throw new Stale('The person’s award ledger changed while it was read; reload and try again');
  const name = await actorName(ctx);
  const entry: LedgerEntryRecord = {
    id: timeOrderedId(),
    date: payment.date,
    level: highest === 'none' ? 'assistant' : highest,
    amount: assessment.amount,
    reference: payment.reference,
    source: 'claim',
    name: claim.personName,
    idCardMasked: claim.idCardMasked,
    claimId: claim.id,
    organisationId: claim.organisationId,
    recordedBy: { bureauId: ctx.tenant.id, bureau: ctx.tenant.name, userId: ctx.actor.userId },
    recordedAt: new Date().toISOString(),
  };
  const step = claimStep(ctx, name, 'pay', { amount: assessment.amount, note: payment.reference });
  const next = moved(claim, step, {
    status: 'paid',
    assessment,
    amount: assessment.amount,
    payment: { date: payment.date, reference: payment.reference, amount: assessment.amount, entryId: entry.id },
  });
  await commitMove(ctx, claim, next, 'award.claim.pay', (mutation) =>
    stageLedgerEntry(mutation, claim.idHash, ledger.head, entry),
  );
  return viewOf(ctx, next);
}
