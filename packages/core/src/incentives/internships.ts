import {
  cityOf,
  Intern,
  type InternMonth,
  type InternRecord,
  InternshipBase,
  type InternshipBaseRecord,
  type InternshipClaim,
  type InternshipClaimStatus,
  InternshipDecision,
  InternshipPayment,
  internshipSubsidy,
  NewInternshipClaim,
  publishedInternshipRates,
} from '@shegong/domain';
import { Internships, MONTH_CLAIMED, StoreError, timeOrderedId } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { parsed } from '../input.ts';
import { JURISDICTION_READERS, jurisdiction } from '../jurisdiction/jurisdiction.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid, NotFound, Refused, Stale } from '../refusals.ts';
import { awardParametersInForce } from './parameters.ts';

/**
 * P-A9 internship subsidies. An organisation records itself as an internship base (with its
 * recognition by the human-resources authority), records its interns, and claims subsidies for
 * chosen intern-months at the rates of the rule set in force; the bureau of the employer's level
 * (the county's where it is on the platform, else the city's: as contract reviews route) approves
 * or refuses with a reason and records the payment. An intern-month is claimed once (a guard).
 */

/** Who keeps the base, its interns and its claims: the organisation's admin and hr. */
export const INTERNSHIP_KEEPERS: MemberPolicy = { kinds: ['org'], roles: ['admin', 'hr'] };
/** Who reads them: also finance. */
export const INTERNSHIP_READERS: MemberPolicy = { kinds: ['org'], roles: ['admin', 'hr', 'finance'] };
/** Who decides claims and records payments: the bureau's admin and reviewers. */
export const INTERNSHIP_DECIDERS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'reviewer'] };
/** Every member of a bureau reads its claims and the bases of its jurisdiction. */
export const INTERNSHIP_BUREAU_READERS = JURISDICTION_READERS;

export async function internshipBase(ctx: UseCaseContext): Promise<InternshipBaseRecord | undefined> {
  return ctx.repos.internships.base();
}

/** Records (expectedVersion 0) or updates the organisation's recognition as an internship base. */
export async function saveInternshipBase(
  ctx: UseCaseContext,
  input: unknown,
  expectedVersion: number,
): Promise<InternshipBaseRecord> {
  const base = parsed(InternshipBase, input);
  if (base.recognisedOn > ctx.clock.today())
    throw new Invalid('The recognition day is in the future; nothing was saved', {
      fields: [{ path: '/recognisedOn', message: `must be today (${ctx.clock.today()}) or earlier`, code: 'inFuture' }],
    });
  const current = await ctx.repos.internships.base();
  if ((current?.version ?? 0) !== expectedVersion) throw new Stale('The internship base was changed meanwhile');
  const mutation = ctx.repos.scope.mutation();
  const saved = ctx.repos.internships.stageBase(
    mutation,
    {
      ...base,
      organisationId: ctx.tenant.id,
      organisationName: ctx.tenant.name,
      region: ctx.tenant.region,
      recordedAt: new Date().toISOString(),
      by: { userId: ctx.actor.userId },
    },
    expectedVersion,
  );
  await mutation.audited('internship.base.save', 'InternshipBase', ctx.tenant.id, saved.version, saved).commit();
  return saved;
}

export async function addIntern(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ intern: InternRecord; replayed: boolean }> {
  const intern = parsed(Intern, input);
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'intern.add', input: intern }, () => {
    const record: InternRecord = {
      id: timeOrderedId(),
      ...intern,
      recordedAt: new Date().toISOString(),
      by: { userId: ctx.actor.userId },
    };
    const mutation = ctx.repos.scope.mutation();
    ctx.repos.internships.stageIntern(mutation, record);
    mutation.audited('intern.add', 'Intern', record.id, 1, record);
    return { mutation, body: record };
  });
  return { intern: body, replayed };
}

export async function interns(ctx: UseCaseContext): Promise<InternRecord[]> {
  return (await ctx.repos.internships.interns()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export interface InternshipClaimPreview {
  ruleId: 'P-A9';
  intern: InternRecord;
  months: InternMonth[];
  total: number;
  eligible: boolean;
}

/**
 * P-A9: each chosen month judged (eligible or not, with its reason) and the total at the rule set's
 * rates. Refused when the organisation is not recorded as a base, or when the bureau has
 * published no rates (the seed gives none).
 */
export async function previewInternshipClaim(ctx: UseCaseContext, input: unknown): Promise<InternshipClaimPreview> {
  const claim = parsed(NewInternshipClaim, input);
  const base = await ctx.repos.internships.base();
  if (!base)
    throw new Refused('Record the organisation as an internship base first (P-A9); nothing was saved', {
      reason: 'noBase',
      fields: [
        {
          path: '/internId',
          message: 'the organisation is not recorded as an internship base',
          code: 'noBase',
          ruleId: 'P-A9',
        },
      ],
    });
  const intern = await ctx.repos.internships.intern(claim.internId);
  if (!intern)
    throw new Invalid('No such intern; nothing was saved', {
      fields: [{ path: '/internId', message: 'is not an intern of this base', code: 'unknownIntern' }],
    });
  const params = await awardParametersInForce(ctx, 'P-A9');
  const rates = publishedInternshipRates(params);
  if (!rates.ok)
    throw new Refused('The bureau has not published internship subsidy rates (P-A9); nothing was saved', {
      reason: 'ratesNotPublished',
      fields: [
        {
          path: '/months',
          message: 'the bureau has not published the rates (P-A9)',
          code: 'ratesNotPublished',
          ruleId: 'P-A9',
        },
      ],
    });
  const judged = internshipSubsidy(intern, claim.months, base, rates.rates, params);
  return {
    ruleId: 'P-A9',
    intern,
    months: judged.months,
    total: judged.total,
    eligible: judged.months.every((m) => m.eligible),
  };
}

/**
 * Submits a claim: every month must be eligible (a month that is not is refused, naming it and
 * its reason; choice: the organisation removes it rather than the product dropping it silently),
 * and none may be in another claim (409 naming the month). Routed to the bureau of the
 * organisation's level.
 */
export async function submitInternshipClaim(
  ctx: UseCaseContext,
  input: unknown,
  key?: string,
): Promise<{ claim: InternshipClaim; replayed: boolean }> {
  const preview = await previewInternshipClaim(ctx, input);
  const chosen = parsed(NewInternshipClaim, input).months;
  const refused = preview.months.filter((m) => !m.eligible);
  if (refused.length)
    throw new Refused('Some months are not eligible for the subsidy (P-A9); nothing was saved', {
      reason: 'ineligibleMonths',
      fields: refused.map((m) => ({
        path: `/months/${chosen.indexOf(m.month)}`,
        message: `${m.month}: ${m.reason.replace(/_/g, ' ')} (P-A9)`,
        code: m.reason,
        ruleId: 'P-A9',
        amounts: { graduationDate: m.graduationDate, windowEnd: m.windowEnd },
      })),
    });
  const region = ctx.tenant.region;
  const bureau = await ctx.store.reviewingBureau(region, cityOf(region));
  if (!bureau)
    throw new Refused('No bureau of your region is on the platform to decide the claim; nothing was saved', {
      reason: 'noBureau',
    });
  try {
    const { body, replayed } = await commitOnce(
      ctx.repos,
      key,
      {
        operation: 'internship.claim',
        input: { internId: preview.intern.id, months: preview.months.map((m) => m.month) },
      },
      () => {
        const { id, name, graduationDate, fullTimeStudent } = preview.intern;
        const claim: InternshipClaim = {
          id: timeOrderedId(),
          organisationId: ctx.tenant.id,
          organisationName: ctx.tenant.name,
          region,
          intern: { id, name, graduationDate, fullTimeStudent },
          ruleId: 'P-A9',
          months: preview.months,
          total: preview.total,
          status: 'submitted',
          bureau,
          submittedAt: new Date().toISOString(),
          version: 1,
        };
        const mutation = ctx.repos.scope.mutation();
        ctx.repos.internships.stageClaim(mutation, claim);
        mutation.audited('internship.claim.submit', 'InternshipClaim', claim.id, 1, claim);
        return { mutation, body: claim };
      },
    );
    return { claim: body, replayed };
  } catch (error) {
    if (error instanceof StoreError && error.message === MONTH_CLAIMED) {
      const month = String(error.detail.month);
      throw new Conflict(`The intern’s month ${month} is already in another claim (P-A9); nothing was saved`, {
        reason: 'monthClaimed',
        fields: [
          {
            path: `/months/${chosen.indexOf(month)}`,
            message: `${month} is already claimed: a month is paid once per intern (P-A9)`,
            code: 'monthClaimed',
            ruleId: 'P-A9',
          },
        ],
      });
    }
    throw error;
  }
}

export async function ownInternshipClaims(ctx: UseCaseContext): Promise<InternshipClaim[]> {
  return ctx.repos.internships.claims();
}

export async function ownInternshipClaim(ctx: UseCaseContext, claimId: string): Promise<InternshipClaim> {
  const claim = await ctx.repos.internships.claim(claimId);
  if (!claim) throw new NotFound('Claim not found');
  return claim;
}

/** The claims the signed-in bureau decides, of one status (or all), oldest submitted first. */
export async function bureauInternshipClaims(
  ctx: UseCaseContext,
  status?: InternshipClaimStatus,
): Promise<InternshipClaim[]> {
  jurisdiction(ctx);
  return Internships.queue(ctx.repos.scope, status);
}

/** One claim the signed-in bureau decides; NotFound for any other (another bureau's, or none). */
export async function bureauInternshipClaim(
  ctx: UseCaseContext,
  organisationId: string,
  claimId: string,
): Promise<InternshipClaim> {
  jurisdiction(ctx);
  const claim = await Internships.claimOf(
    ctx.repos.scope.across('internshipClaimDecision', organisationId),
    organisationId,
    claimId,
  );
  if (!claim || claim.bureau.id !== ctx.tenant.id) throw new NotFound('Claim not found');
  return claim;
}

async function commitDecision(ctx: UseCaseContext, before: InternshipClaim, after: InternshipClaim, action: string) {
  // The claim and its intern-months are the organisation's: a named crossing.
  const mutation = ctx.repos.scope.across('internshipClaimDecision', before.organisationId).mutation();
  Internships.stageDecision(mutation, before, after, action);
  mutation.audited(action, 'InternshipClaim', after.id, after.version, after);
  try {
    await mutation.commit();
  } catch (error) {
    // Two reviewers at once: the second finds the claim moved on (412), as a stale If-Match.
    if (error instanceof StoreError && error.code === 'conflict') throw new Stale('The claim was changed meanwhile');
    throw error;
  }
  return after;
}

/** Approves or refuses (with a reason) a submitted claim read at `expectedVersion`. */
export async function decideInternshipClaim(
  ctx: UseCaseContext,
  organisationId: string,
  claimId: string,
  input: unknown,
  expectedVersion: number,
): Promise<InternshipClaim> {
  const decision = parsed(InternshipDecision, input);
  const before = await bureauInternshipClaim(ctx, organisationId, claimId);
  if (before.version !== expectedVersion) throw new Stale('The claim was changed meanwhile');
  if (before.status !== 'submitted')
    throw new Conflict(`A ${before.status} claim is not waiting for a decision`, { reason: 'notSubmitted' });
  const after: InternshipClaim = {
    ...before,
    status: decision.approved ? 'approved' : 'refused',
    decision: {
      approved: decision.approved,
      ...(decision.reason ? { reason: decision.reason } : {}),
      at: new Date().toISOString(),
      by: ctx.actor.userId,
    },
    version: before.version + 1,
  };
  return commitDecision(ctx, before, after, `internship.claim.${decision.approved ? 'approve' : 'refuse'}`);
}

/** Records that an approved claim was paid (day, reference). */
export async function recordInternshipPayment(
  ctx: UseCaseContext,
  organisationId: string,
  claimId: string,
  input: unknown,
  expectedVersion: number,
): Promise<InternshipClaim> {
  const payment = parsed(InternshipPayment, input);
  const before = await bureauInternshipClaim(ctx, organisationId, claimId);
  if (before.version !== expectedVersion) throw new Stale('The claim was changed meanwhile');
  if (before.status !== 'approved')
    throw new Conflict(`A ${before.status} claim cannot be paid: only an approved one`, { reason: 'notApproved' });
  if (payment.paidOn > ctx.clock.today())
    throw new Invalid('The payment day is in the future; nothing was saved', {
      fields: [{ path: '/paidOn', message: `must be today (${ctx.clock.today()}) or earlier`, code: 'inFuture' }],
    });
  const after: InternshipClaim = {
    ...before,
    status: 'paid',
    payment: { ...payment, at: new Date().toISOString(), by: ctx.actor.userId },
    version: before.version + 1,
  };
  return commitDecision(ctx, before, after, 'internship.claim.pay');
}

/**
 * The internship bases recorded in a city (P-A9; P-T6 counts them): for a bureau whose
 * jurisdiction is the city or covers it; a county bureau gets its own county's only.
 */
export async function internshipBasesOfCity(ctx: UseCaseContext, city: string): Promise<InternshipBaseRecord[]> {
  const area = jurisdiction(ctx);
  if (area.city !== city) return [];
  return Internships.basesOfCity(ctx.repos.scope, city, area.county);
}

/** The internship bases of the signed-in bureau's jurisdiction. */
export async function jurisdictionInternshipBases(ctx: UseCaseContext): Promise<InternshipBaseRecord[]> {
  return internshipBasesOfCity(ctx, jurisdiction(ctx).city);
}
