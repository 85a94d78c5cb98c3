import {
  type AwardClaim,
  type AwardClaimAssessment,
  type AwardClaimStatus,
  type AwardClaimStep,
  cityOf,
  maskIdCard,
  NewAwardClaim,
  type Person,
} from '@shegong/domain';
import {
  idCardHash,
  type Page,
  type PageRequest,
  publicClaim,
  type StoredAwardClaim,
  stageClaimMove,
  timeOrderedId,
} from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { commitOnce } from '../once.ts';
import { everyItem } from '../paging.ts';
import { Conflict, Forbidden, NotFound, Stale } from '../refusals.ts';
import { assessClaim, evidenceOf, refuseIneligible } from './assess.ts';

/**
 * The organisation's side of level-improvement claims (P-A2 … P-A6): a member claims for themself
 * (the person hr linked them to, never one named in the request) or hr/admin for someone on the
 * registry; the claim is assessed before it is sent (preview) and again at every later step; the
 * organisation's admin endorses it, which puts it in the queue of the bureau of the employer's
 * level. The claimant may withdraw it before a bureau decides.
 */

/** Every member of an organisation may claim for themself and read their own claims. */
export const AWARD_CLAIMANTS: MemberPolicy = { kinds: ['org'], roles: 'any' };
/** Who endorses a claim (背书): the organisation's admin. */
export const AWARD_ENDORSERS: MemberPolicy = { kinds: ['org'], roles: ['admin'] };
/** Who claims on someone's behalf and reads every claim: the registry's keepers. */
const KEEPER_ROLES = ['admin', 'hr'] as const;

export const isAwardKeeper = (ctx: Pick<UseCaseContext, 'actor'>) =>
  ctx.actor.roles.some((r) => (KEEPER_ROLES as readonly string[]).includes(r));

/** A claim as a member reads it, with what they may do with it now. */
export interface AwardClaimView {
  claim: AwardClaim;
  canEndorse: boolean;
  canWithdraw: boolean;
}

/** The person a claim is for: a keeper names them; anyone else is the person they are linked to. */
async function claimSubject(ctx: UseCaseContext, personId: string | undefined): Promise<Person> {
  if (personId !== undefined) {
    if (!isAwardKeeper(ctx)) {
      const own = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
      if (own?.personId !== personId) throw new Forbidden('Only hr or an admin claims on someone else’s behalf');
    }
    const person = await ctx.repos.people.find(personId);
    if (!person) throw new NotFound('Person not found');
    return person;
  }
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  const person = link ? await ctx.repos.people.find(link.personId) : undefined;
  if (!person)
    throw new Conflict('You are not linked to a person on the staff registry yet; ask hr to link you', {
      reason: 'notLinked',
    });
  return person;
}

export interface AwardPreview {
  person: { id: string; name: string };
  assessment: AwardClaimAssessment;
}

async function previewFor(ctx: UseCaseContext, input: NewAwardClaim) {
  const person = await claimSubject(ctx, input.personId);
  const idHash = idCardHash(person.idCardNumber);
  const claimDate = ctx.clock.today();
  const evidence = evidenceOf(person);
  const { assessment } = await assessClaim(ctx, {
    region: ctx.tenant.region,
    claimDate,
    idHash,
    evidence,
    ...(input.certificateNumber ? { certificateNumber: input.certificateNumber } : {}),
  });
  return { person, idHash, claimDate, evidence, assessment };
}

/** What a claim would pay today, and why, before it is sent (nothing is written). */
export async function previewAwardClaim(ctx: UseCaseContext, input: unknown): Promise<AwardPreview> {
  const { person, assessment } = await previewFor(ctx, parsed(NewAwardClaim, input));
  return { person: { id: person.id, name: person.name }, assessment };
}

async function actorName(ctx: UseCaseContext): Promise<string> {
  const me = await ctx.repos.users.find(ctx.actor.userId).catch(() => undefined);
  return me?.name ?? ctx.actor.userId;
}

export function claimStep(
  ctx: UseCaseContext,
  byName: string,
  action: AwardClaimStep['action'],
  extra: Pick<AwardClaimStep, 'amount' | 'note'> = {},
): AwardClaimStep {
  return {
    action,
    at: new Date().toISOString(),
    by: ctx.actor.userId,
    byName,
    tenant: ctx.tenant.name,
    ...(extra.amount !== undefined ? { amount: extra.amount } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

/**
 * Sends a claim: assessed as of today; an ineligible one is refused with its rule ids (P-A6, P-A3,
 * P-A5 …), and so is a second open claim for the same person (in any organisation). It goes to the
 * bureau of the employer's level: the county's where it has one on the platform, else the city's.
 */
export async function createAwardClaim(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ claim: AwardClaim; replayed: boolean }> {
  const request = parsed(NewAwardClaim, input);
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'awards.claim.create', input: request },
    async () => {
      const { person, idHash, claimDate, evidence, assessment } = await previewFor(ctx, request);
      if (!assessment.eligible) refuseIneligible(assessment, 'This claim');
      const open = await ctx.repos.awardClaims.openClaimOf(idHash);
      if (open)
        throw new Conflict('This person already has an open award claim; it must be decided or withdrawn first', {
          reason: 'openClaim',
        });
      const region = ctx.tenant.region;
      const bureau = await ctx.store.reviewingBureau(region, cityOf(region));
      if (!bureau)
        throw new Conflict(
          `No civil-affairs bureau on the platform covers ${region}, so nobody could decide this claim`,
          {
            reason: 'noReviewingBureau',
          },
        );
      const now = new Date().toISOString();
      const claim: StoredAwardClaim = {
        id: timeOrderedId(),
        organisationId: ctx.tenant.id,
        organisation: ctx.tenant.name,
        region,
        bureau,
        personId: person.id,
        personName: person.name,
        idCardMasked: maskIdCard(person.idCardNumber),
        ...(request.certificateNumber ? { certificateNumber: request.certificateNumber } : {}),
        level: assessment.reasons.find((r) => r.code === 'certificate')?.highest ?? 'none',
        claimDate,
        status: 'submitted',
        amount: assessment.amount,
        assessment,
        evidence,
        createdBy: ctx.actor.userId,
        steps: [claimStep(ctx, await actorName(ctx), 'create', { amount: assessment.amount })],
        createdAt: now,
        updatedAt: now,
        version: 1,
        idHash,
      };
      const mutation = ctx.repos.scope.mutation();
      ctx.repos.awardClaims.stageCreate(mutation, claim);
      mutation.audited('award.claim.create', 'AwardClaim', claim.id, 1, publicClaim(claim)).concerning(claim.personId);
      return { mutation, body: publicClaim(claim) };
    },
  );
  return { claim: body, replayed };
}

/** Whether the member may read this claim: keepers read all; anyone else their own person's. */
async function readable(ctx: UseCaseContext, claim: StoredAwardClaim): Promise<boolean> {
  if (isAwardKeeper(ctx) || claim.createdBy === ctx.actor.userId) return true;
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  return link?.personId === claim.personId;
}

async function ownClaim(ctx: UseCaseContext, claimId: string): Promise<StoredAwardClaim> {
  const claim = await ctx.repos.awardClaims.find(claimId);
  if (!claim || !(await readable(ctx, claim))) throw new NotFound('Award claim not found');
  return claim;
}

async function viewOf(ctx: UseCaseContext, claim: StoredAwardClaim): Promise<AwardClaimView> {
  return {
    claim: publicClaim(claim),
    canEndorse: claim.status === 'submitted' && ctx.actor.roles.includes('admin'),
    canWithdraw: (claim.status === 'submitted' || claim.status === 'endorsed') && (await mayWithdraw(ctx, claim)),
  };
}

/** One claim of the organisation (NotFound for another's, or for a member not its person). */
export async function getAwardClaim(ctx: UseCaseContext, claimId: string): Promise<AwardClaimView> {
  return viewOf(ctx, await ownClaim(ctx, claimId));
}

/**
 * A page of claims: keepers see every claim (all, or one status's); anyone else only the claims
 * for the person they are (none when not linked).
 */
export async function listAwardClaims(
  ctx: UseCaseContext,
  filter: { status?: AwardClaimStatus | undefined },
  page: PageRequest,
): Promise<Page<AwardClaim>> {
  if (isAwardKeeper(ctx)) {
    const found = await ctx.repos.awardClaims.list(filter.status, page);
    return { ...found, items: found.items.map(publicClaim) };
  }
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  if (!link) return { items: [] };
  const found = await ctx.repos.awardClaims.ofPerson(link.personId, page);
  const items = found.items.filter((c) => !filter.status || c.status === filter.status).map(publicClaim);
  return { ...found, items };
}

/** The claims of the signed-in member's own person (我的档案), newest first. */
export async function myAwardClaims(ctx: UseCaseContext): Promise<AwardClaim[]> {
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  if (!link) return [];
  return (await ctx.repos.awardClaims.ofPerson(link.personId, { limit: 20 })).items.map(publicClaim);
}

/** How many claims wait for the admin's endorsement (the organisation's badge). */
export function claimsAwaitingEndorsement(ctx: UseCaseContext): Promise<number> {
  return ctx.repos.awardClaims.countInStatus('submitted');
}

function checkVersion(claim: StoredAwardClaim, expectedVersion: number) {
  if (claim.version !== expectedVersion)
    throw new Stale('This claim was changed by someone else; reload it and try again');
}

async function move(
  ctx: UseCaseContext,
  claim: StoredAwardClaim,
  to: AwardClaimStatus,
  step: AwardClaimStep,
  action: string,
): Promise<AwardClaimView> {
  const next: StoredAwardClaim = {
    ...claim,
    status: to,
    steps: [...claim.steps, step],
    updatedAt: step.at,
    version: claim.version + 1,
  };
  const mutation = ctx.repos.scope.mutation();
  stageClaimMove(mutation, claim, next);
  await mutation
    .audited(action, 'AwardClaim', claim.id, next.version, publicClaim(next))
    .concerning(claim.personId)
    .commit();
  return viewOf(ctx, next);
}

/** The admin endorses (背书) a submitted claim: it goes to the deciding bureau's queue. */
export async function endorseAwardClaim(
  ctx: UseCaseContext,
  claimId: string,
  expectedVersion: number,
): Promise<AwardClaimView> {
  const claim = await ownClaim(ctx, claimId);
  checkVersion(claim, expectedVersion);
  if (claim.status !== 'submitted')
    throw new Conflict(`This claim is ${claim.status}; only a submitted claim is endorsed`, { reason: 'notSubmitted' });
  return move(ctx, claim, 'endorsed', claimStep(ctx, await actorName(ctx), 'endorse'), 'award.claim.endorse');
}

/** The claimant: who made the claim, or the person it is for. */
async function mayWithdraw(ctx: UseCaseContext, claim: StoredAwardClaim): Promise<boolean> {
  if (claim.createdBy === ctx.actor.userId) return true;
  const link = await ctx.repos.memberRecords.linkOf(ctx.actor.userId);
  return link?.personId === claim.personId;
}

/** The claimant withdraws a claim no bureau has decided yet; the person may claim again. */
export async function withdrawAwardClaim(
  ctx: UseCaseContext,
  claimId: string,
  expectedVersion: number,
): Promise<AwardClaimView> {
  const claim = await ownClaim(ctx, claimId);
  if (!(await mayWithdraw(ctx, claim)))
    throw new Forbidden('Only the claimant (who made the claim, or the person it is for) withdraws it');
  checkVersion(claim, expectedVersion);
  if (claim.status !== 'submitted' && claim.status !== 'endorsed')
    throw new Conflict(`This claim is ${claim.status}; it can no longer be withdrawn`, { reason: 'decided' });
  return move(ctx, claim, 'withdrawn', claimStep(ctx, await actorName(ctx), 'withdraw'), 'award.claim.withdraw');
}

/** Whom the signed-in member may claim for: keepers anyone on the registry (by name); others none. */
export async function awardClaimPeople(ctx: UseCaseContext): Promise<{ id: string; name: string }[]> {
  if (!isAwardKeeper(ctx)) return [];
  const people = await everyItem((page) => ctx.repos.people.list(page), 500);
  return people.map((p) => ({ id: p.id, name: p.name }));
}
