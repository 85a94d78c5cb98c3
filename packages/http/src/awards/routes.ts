import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AWARD_CLAIMANTS,
  AWARD_DECIDERS,
  AWARD_ENDORSERS,
  AWARD_READERS,
  approveAwardClaim,
  awardClaimsWaiting,
  awardTotals,
  bureauAwardClaim,
  bureauAwardQueue,
  createAwardClaim,
  endorseAwardClaim,
  getAwardClaim,
  historicalAwards,
  listAwardClaims,
  previewAwardClaim,
  recordAwardPayment,
  recordHistoricalAward,
  refuseAwardClaim,
  withdrawAwardClaim,
} from '@shegong/core';
import {
  AWARD_CLAIM_STATUSES,
  AwardClaim,
  AwardClaimAssessment,
  AwardPaymentInput,
  AwardRefusal,
  BUREAU_CLAIM_STATUSES,
  HistoricalAwardInput,
  LedgerEntryRecord,
  NewAwardClaim,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  idempotencyHeader,
  ifMatchHeader,
  jsonBody,
  keyInFlightResponse,
  Page,
  PageQuery,
  problemContent,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

/**
 * Level-improvement award claims (P-A2 … P-A7): the organisation's side under `/awards`, the
 * bureau's under `/jurisdiction`. Staff read only their own person's claims; a bureau only its
 * jurisdiction's (another's answers 404, as one that does not exist).
 */

/** Examples: hr claims for a person of the registry; a bureau refuses, pays, records history. */
export const AWARD_CLAIM_EXAMPLE: z.input<typeof NewAwardClaim> = {};
export const AWARD_REFUSAL_EXAMPLE: z.input<typeof AwardRefusal> = {
  reason: '连续从业年限证明材料不全，请补充后重新申领',
};
export const AWARD_PAYMENT_EXAMPLE: z.input<typeof AwardPaymentInput> = {
  date: '2026-11-20',
  reference: '防民财〔2026〕118号',
};
/** A senior social worker paid ¥1,000 under the old system (an older, lower amount: more may follow up to ¥5,000). */
export const HISTORICAL_AWARD_EXAMPLE: z.input<typeof HistoricalAwardInput> = {
  idCardNumber: '450602199001011239',
  name: '李旧奖',
  date: '2021-12-15',
  level: 'senior',
  amount: 100000,
  reference: '防民〔2021〕56号',
};

const ClaimParams = z.object({
  claimId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'claimId', in: 'path' }, example: '0193a7c2-4f1e-7b3a-9c4d-5e6f7a8b9c0d' }),
});

const AwardClaimView = z
  .object({
    claim: AwardClaim,
    canEndorse: z.boolean().describe('Whether the signed-in member may endorse it now (the admin, while submitted)'),
    canWithdraw: z
      .boolean()
      .describe('Whether the signed-in member may withdraw it now (the claimant, before a decision)'),
  })
  .meta({ id: 'AwardClaimView' });
const BureauClaimView = z
  .object({
    claim: AwardClaim,
    decides: z.boolean().describe('Whether the signed-in bureau is the one the claim went to'),
    canDecide: z.boolean(),
    canPay: z.boolean(),
  })
  .meta({ id: 'BureauAwardClaimView' });
const AwardPreview = z
  .object({ person: z.object({ id: z.string(), name: z.string() }), assessment: AwardClaimAssessment })
  .meta({ id: 'AwardClaimPreview' });
const TotalRow = z.object({
  key: z.string().describe('The period (2026-Q3), county code, level or organisation id'),
  label: z.string().optional(),
  counts: z.object({ endorsed: z.number(), approved: z.number(), paid: z.number(), refused: z.number() }),
  approvedAmount: z.number().int().describe('Approved, not yet paid, fen'),
  paidAmount: z.number().int().describe('Paid, fen'),
});
const AwardTotals = z
  .object({
    byPeriod: z.array(TotalRow),
    byCounty: z.array(TotalRow),
    byLevel: z.array(TotalRow),
    byOrganisation: z.array(TotalRow),
    all: TotalRow,
  })
  .meta({ id: 'AwardTotals', description: 'P-A7: the jurisdiction’s claims totalled (counts and fen)' });
const HistoricalRecorded = z
  .object({ entry: LedgerEntryRecord, ledgerTotal: z.number().int().describe('The person’s ledger after it, fen') })
  .meta({ id: 'HistoricalAwardRecorded' });

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});
const refusedResponse = {
  422: {
    description:
      'Not eligible: `errors` names each failing rule id (P-A2 … P-A6); or the Idempotency-Key was used before with a different body',
    content: problemContent,
  },
} as const;
const tags = ['awards'];

const org = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/awards/claims',
      summary: 'Level-improvement award claims: all (hr, admin) or my own',
      description:
        'hr and the admin see every claim of the organisation (all, or one status’s); any other member only the claims for the person they are on the registry.',
      tags,
      middleware: [authorize(AWARD_CLAIMANTS)] as const,
      request: { query: PageQuery.extend({ status: z.enum(AWARD_CLAIM_STATUSES).optional() }) },
      responses: { 200: json('A page of claims, newest first', Page(AwardClaim)), ...errorResponses },
    }),
    async (c) => {
      const { status, ...page } = c.req.valid('query');
      return c.json(await listAwardClaims(c.var.ctx, { status }, page), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/awards/claims/preview',
      summary: 'What a claim would pay today, and why (nothing is written)',
      description:
        'Assesses the claim as of today with the rule set in force for the organisation’s region: P-A6 (civil servants excluded), P-A3 (the unbroken run, where a gap breaks it, the tolerance), P-A2 (a certificate held), P-A4 (the levels by the 2022 cut), P-A5 (award of the highest level − everything already paid, the ledger’s entries listed). Omit `personId` for yourself; hr and the admin may name anyone on the registry.',
      tags,
      middleware: [authorize(AWARD_CLAIMANTS)] as const,
      request: { body: jsonBody(NewAwardClaim, AWARD_CLAIM_EXAMPLE) },
      responses: {
        200: json('The assessment', AwardPreview),
        ...errorResponses,
        ...bodyResponses,
        409: { description: 'You are not linked to a person on the registry', content: problemContent },
      },
    }),
    async (c) => c.json(await previewAwardClaim(c.var.ctx, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/awards/claims',
      summary: 'Send a level-improvement award claim',
      description:
        'Assessed as the preview; an ineligible claim answers 422 naming its rule ids and writes nothing. A person has one open claim at a time, in any organisation (409). The claim goes to the bureau of the employer’s level (the county’s where it has one on the platform, else the city’s) once the admin endorses it. Send an Idempotency-Key so a retry sends it once.',
      tags,
      middleware: [authorize(AWARD_CLAIMANTS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(NewAwardClaim, AWARD_CLAIM_EXAMPLE) },
      responses: {
        201: json('Sent; `ETag` its version', AwardClaim),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The person already has an open claim, or is not linked'),
        ...refusedResponse,
      },
    }),
    async (c) => {
      const { claim, replayed } = await createAwardClaim(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(claim, 201, {
        ETag: etag(claim.version),
        Location: `/v1/awards/claims/${claim.id}`,
        ...replayHeaders(replayed),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/awards/claims/{claimId}',
      summary: 'One award claim, with its assessment and its dated steps',
      tags,
      middleware: [authorize(AWARD_CLAIMANTS)] as const,
      request: { params: ClaimParams },
      responses: { 200: json('The claim', AwardClaimView), ...errorResponses },
    }),
    async (c) => {
      const view = await getAwardClaim(c.var.ctx, c.req.valid('param').claimId);
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/awards/claims/{claimId}/endorse',
      summary: 'Endorse (背书) a submitted claim: it goes to the deciding bureau',
      tags,
      middleware: [authorize(AWARD_ENDORSERS)] as const,
      request: { params: ClaimParams, headers: ifMatchHeader },
      responses: { 200: json('Endorsed', AwardClaimView), ...updateResponses },
    }),
    async (c) => {
      const view = await endorseAwardClaim(c.var.ctx, c.req.valid('param').claimId, expectedVersion(c));
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/awards/claims/{claimId}/withdraw',
      summary: 'Withdraw a claim no bureau has decided yet (the claimant)',
      tags,
      middleware: [authorize(AWARD_CLAIMANTS)] as const,
      request: { params: ClaimParams, headers: ifMatchHeader },
      responses: { 200: json('Withdrawn', AwardClaimView), ...updateResponses },
    }),
    async (c) => {
      const view = await withdrawAwardClaim(c.var.ctx, c.req.valid('param').claimId, expectedVersion(c));
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  );

const bureau = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/award-claims',
      summary: 'The award claims of my jurisdiction in one state',
      description:
        'endorsed (待审批, the default), approved (待发放), paid (已发放) or refused (未通过), by region then oldest first (one Query of the sparse `review` index). A city bureau sees its counties’ claims read-only (`decides`). `waiting` counts the endorsed claims this bureau decides.',
      tags,
      middleware: [authorize(AWARD_READERS)] as const,
      request: { query: PageQuery.extend({ status: z.enum(BUREAU_CLAIM_STATUSES).default('endorsed') }) },
      responses: {
        200: json('A page of claims', Page(BureauClaimView).extend({ waiting: z.number().int() })),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { status, ...page } = c.req.valid('query');
      const [found, waiting] = await Promise.all([
        bureauAwardQueue(c.var.ctx, status, page),
        awardClaimsWaiting(c.var.ctx),
      ]);
      return c.json({ ...found, waiting }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/award-claims/{claimId}',
      summary: 'One award claim of my jurisdiction',
      tags,
      middleware: [authorize(AWARD_READERS)] as const,
      request: { params: ClaimParams },
      responses: { 200: json('The claim', BureauClaimView), ...errorResponses },
    }),
    async (c) => {
      const view = await bureauAwardClaim(c.var.ctx, c.req.valid('param').claimId);
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/award-claims/{claimId}/approve',
      summary: 'Approve an endorsed claim (re-assessed with the ledger as it is now)',
      description:
        'Only the bureau the claim went to (403 for the city on a county’s claim). 422 with the rule ids when it is no longer eligible (P-A5: paid meanwhile). `If-Match` with the claim’s ETag; of racing approvals one lands, the others answer 412.',
      tags,
      middleware: [authorize(AWARD_DECIDERS)] as const,
      request: { params: ClaimParams, headers: ifMatchHeader },
      responses: { 200: json('Approved', BureauClaimView), ...updateResponses, ...refusedResponse },
    }),
    async (c) => {
      const view = await approveAwardClaim(c.var.ctx, c.req.valid('param').claimId, expectedVersion(c));
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/award-claims/{claimId}/refuse',
      summary: 'Refuse an endorsed claim with a reason',
      tags,
      middleware: [authorize(AWARD_DECIDERS)] as const,
      request: { params: ClaimParams, headers: ifMatchHeader, body: jsonBody(AwardRefusal, AWARD_REFUSAL_EXAMPLE) },
      responses: { 200: json('Refused', BureauClaimView), ...updateResponses, ...bodyResponses },
    }),
    async (c) => {
      const view = await refuseAwardClaim(
        c.var.ctx,
        c.req.valid('param').claimId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/award-claims/{claimId}/payment',
      summary: 'Record the payment of an approved claim into the person’s award ledger',
      description:
        'Re-assessed once more: pays what is left now (P-A5). One transaction: the claim to paid, the ledger entry, the ledger’s total (conditional on the version read, never above the award of the highest level) and both audit events. Of racing payments for one person exactly one lands; the others answer 412.',
      tags,
      middleware: [authorize(AWARD_DECIDERS)] as const,
      request: {
        params: ClaimParams,
        headers: ifMatchHeader,
        body: jsonBody(AwardPaymentInput, AWARD_PAYMENT_EXAMPLE),
      },
      responses: { 200: json('Paid', BureauClaimView), ...updateResponses, ...bodyResponses, ...refusedResponse },
    }),
    async (c) => {
      const view = await recordAwardPayment(
        c.var.ctx,
        c.req.valid('param').claimId,
        c.req.valid('json'),
        expectedVersion(c),
      );
      return c.json(view, 200, { ETag: etag(view.claim.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/award-history',
      summary: 'The awards paid before the product that my jurisdiction recorded',
      tags,
      middleware: [authorize(AWARD_READERS)] as const,
      request: { query: PageQuery },
      responses: { 200: json('A page of historical awards, newest first', Page(LedgerEntryRecord)), ...errorResponses },
    }),
    async (c) => c.json(await historicalAwards(c.var.ctx, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jurisdiction/award-history',
      summary: 'Record an award paid before the product into the person’s ledger',
      description:
        'The person is named by their ID-card number (kept only as a hash and masked) and name. The ledger may not exceed the award of the level recorded (P-A5, 422). A later claim then pays only the difference. Send an Idempotency-Key so a retry records it once.',
      tags,
      middleware: [authorize(AWARD_DECIDERS)] as const,
      request: { headers: idempotencyHeader, body: jsonBody(HistoricalAwardInput, HISTORICAL_AWARD_EXAMPLE) },
      responses: {
        201: json('Recorded', HistoricalRecorded),
        ...errorResponses,
        ...bodyResponses,
        ...keyInFlightResponse('The person’s ledger changed meanwhile'),
        ...refusedResponse,
      },
    }),
    async (c) => {
      const { recorded, replayed } = await recordHistoricalAward(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(recorded, 201, replayHeaders(replayed));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jurisdiction/award-totals',
      summary: 'P-A7: the claims of my jurisdiction totalled by period, county, level and organisation',
      tags,
      middleware: [authorize(AWARD_READERS)] as const,
      responses: { 200: json('The totals', AwardTotals), ...errorResponses },
    }),
    async (c) => c.json(await awardTotals(c.var.ctx), 200),
  );

export const awards = new OpenAPIHono<AppEnv>().route('/', org).route('/', bureau);
