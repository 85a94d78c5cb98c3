import {
  AnswerFinding,
  canTakeStep,
  isOverdue,
  PROJECT_KINDS,
  RaiseFinding,
  RECTIFICATION_RESULT,
  type Rectification,
  type RectificationFilter,
  type RectificationMove,
  type RectificationState,
  type RectificationView,
  ReopenFinding,
  rectificationView,
} from '@shegong/domain';
import { type Page, type PageRequest, StoreError, timeOrderedId } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { CONTRACT_READERS } from '../contracts/policies.ts';
import { parsed } from '../input.ts';
import { JURISDICTION_READERS, jurisdictionContracts } from '../jurisdiction/jurisdiction.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Invalid, NotFound, Stale } from '../refusals.ts';

/**
 * Findings and rectification (整改): a bureau raises a finding on a contract in its jurisdiction,
 * the organisation answers with what it did and where that shows (an amended version, a month of
 * actuals), the bureau accepts (closed) or reopens with a reason. Overdue — the deadline passed
 * and not closed — is judged by the core's clock, the same on both sides. Every step is one
 * transaction with its audit event and an event in the contract's history chain.
 */

/** Who raises, accepts and reopens: every member of a bureau (admin, auditor, reviewer). */
export const RECTIFICATION_SUPERVISORS: MemberPolicy = JURISDICTION_READERS;
/** Who reads an organisation's findings: whoever reads its contracts. */
export const RECTIFICATION_READERS = CONTRACT_READERS;
/** Who answers them: the organisation's admin and project managers (the brief names these two). */
export const RECTIFICATION_ANSWERERS = { kinds: PROJECT_KINDS, roles: ['admin', 'project_manager'] } as const;

const view = (ctx: UseCaseContext) => (finding: Rectification) => rectificationView(finding, ctx.clock.today());

/** The bureau raises a finding on an organisation's contract in its jurisdiction (404 outside it). */
export async function raiseFinding(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
  input: unknown,
  idempotencyKey?: string,
): Promise<{ finding: RectificationView; replayed: boolean }> {
  const raise = parsed(RaiseFinding, input);
  const contracts = jurisdictionContracts(ctx);
  const contract = await contracts.head(organisationId, contractId);
  if (!contract) throw new NotFound('Contract not found');
  const today = ctx.clock.today();
  if (raise.deadline < today)
    throw new Invalid('The deadline has passed', {
      fields: [{ path: '/deadline', message: `must be today (${today}) or later`, code: 'deadlinePast' }],
    });
  const { version, month } = raise.concerns ?? {};
  if (version !== undefined && version > contract.currentVersion)
    throw new Invalid('The contract has no such version', {
      fields: [
        {
          path: '/concerns/version',
          message: `the contract has versions 1 to ${contract.currentVersion}`,
          code: 'noVersion',
        },
      ],
    });
  if (month !== undefined && (month < contract.startDate.slice(0, 7) || month > contract.endDate.slice(0, 7)))
    throw new Invalid('The month lies outside the contract’s term', {
      fields: [
        {
          path: '/concerns/month',
          message: `must be within ${contract.startDate} … ${contract.endDate}`,
          code: 'monthOutsideTerm',
        },
      ],
    });
  const organisationName = (await contracts.organisationName(organisationId)) ?? organisationId;
  const newFinding = (): Rectification => {
    const now = new Date().toISOString();
    const by = { tenantId: ctx.tenant.id, userId: ctx.actor.userId };
    return {
      id: timeOrderedId(),
      bureauId: ctx.tenant.id,
      bureauName: ctx.tenant.name,
      organisationId,
      organisationName,
      contractId,
      contractNumber: contract.number,
      contractTitle: contract.title,
      region: contract.purchaser.region,
      text: raise.text,
      ruleId: raise.ruleId,
      severity: raise.severity,
      deadline: raise.deadline,
      ...(raise.concerns && (version !== undefined || month !== undefined) ? { concerns: raise.concerns } : {}),
      state: 'open',
      steps: [{ action: 'raised', at: now, by }],
      raisedAt: now,
      version: 1,
    };
  };
  const operation = { operation: 'rectification.raise', input: { organisationId, contractId, raise } };
  const { body, replayed } = await commitOnce(ctx.repos, idempotencyKey, operation, () => {
    // The finding is the bureau's; its event goes on the organisation's chain (a named crossing).
    const mutation = ctx.repos.scope.across('rectificationStep', organisationId).mutation();
    return { body: ctx.repos.rectifications.stageRaise(mutation, newFinding()), mutation };
  });
  return { finding: view(ctx)(body), replayed };
}

/** A page of the bureau's own findings: all, open, overdue or closed. */
export async function bureauRectifications(
  ctx: UseCaseContext,
  filter: RectificationFilter | undefined,
  page: PageRequest,
): Promise<Page<RectificationView>> {
  jurisdictionContracts(ctx);
  const found = await ctx.repos.rectifications.bureauPage(filter, ctx.clock.today(), page);
  return { ...found, items: found.items.map(view(ctx)) };
}

/** One of the bureau's own findings (another bureau's answers 404). */
export async function bureauRectification(ctx: UseCaseContext, id: string): Promise<RectificationView> {
  jurisdictionContracts(ctx);
  return view(ctx)(await ctx.repos.rectifications.ofBureau(id));
}

/** How many of the bureau's findings are overdue today (its dashboard card). */
export async function bureauOverdueRectifications(ctx: UseCaseContext): Promise<number> {
  jurisdictionContracts(ctx);
  return ctx.repos.rectifications.bureauOverdueCount(ctx.clock.today());
}

/** The bureau accepts the organisation's answer: the finding is closed. */
export async function acceptFinding(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number,
): Promise<RectificationView> {
  const finding = await ctx.repos.rectifications.ofBureau(id);
  return view(ctx)(await move(ctx, finding, 'accept', expectedVersion, {}));
}

/** The bureau reopens an answered finding, saying why. */
export async function reopenFinding(
  ctx: UseCaseContext,
  id: string,
  input: unknown,
  expectedVersion: number,
): Promise<RectificationView> {
  const { reason } = parsed(ReopenFinding, input);
  const finding = await ctx.repos.rectifications.ofBureau(id);
  return view(ctx)(await move(ctx, finding, 'reopen', expectedVersion, { text: reason }));
}

/** The organisation's findings, newest first: all, open (not closed), overdue or closed. */
export async function organisationRectifications(
  ctx: UseCaseContext,
  filter: RectificationFilter | undefined,
  page: PageRequest,
): Promise<Page<RectificationView>> {
  const today = ctx.clock.today();
  const keep = (f: Rectification) =>
    !filter ||
    (filter === 'closed' ? f.state === 'closed' : filter === 'open' ? f.state !== 'closed' : isOverdue(f, today));
  // The binding names the day for overdue: a cursor from yesterday's overdue list is not reused.
  const found = await ctx.repos.rectifications.organisationPage(
    keep,
    `${filter ?? '*'}|${filter === 'overdue' ? today : ''}`,
    page,
  );
  return { ...found, items: found.items.map(view(ctx)) };
}

/** One finding raised on the organisation (another organisation's answers 404). */
export async function organisationRectification(ctx: UseCaseContext, id: string): Promise<RectificationView> {
  return view(ctx)(await ctx.repos.rectifications.ofOrganisation(id));
}

/**
 * What the organisation's dashboard card and menu badge count: findings to answer (open or
 * reopened), overdue ones, and how many need its attention (either: the badge).
 */
export async function organisationRectificationCounts(
  ctx: UseCaseContext,
): Promise<{ toAnswer: number; overdue: number; attention: number }> {
  const today = ctx.clock.today();
  const all = await ctx.repos.rectifications.allOfOrganisation();
  const toAnswer = (f: Rectification) => canTakeStep(f.state, 'answer');
  return {
    toAnswer: all.filter(toAnswer).length,
    overdue: all.filter((f) => isOverdue(f, today)).length,
    attention: all.filter((f) => toAnswer(f) || isOverdue(f, today)).length,
  };
}

/** The findings on one of the organisation's own contracts (its contract page). */
export async function contractRectifications(ctx: UseCaseContext, contractId: string): Promise<RectificationView[]> {
  await ctx.repos.contracts.get(contractId);
  const all = await ctx.repos.rectifications.allOfOrganisation();
  return all.filter((f) => f.contractId === contractId).map(view(ctx));
}

/** The findings on a contract in the bureau's jurisdiction (its contract page; 404 outside). */
export async function jurisdictionContractRectifications(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
): Promise<RectificationView[]> {
  const found = await jurisdictionContracts(ctx).rectifications(organisationId, contractId);
  if (!found) throw new NotFound('Contract not found');
  return found.map(view(ctx));
}

/**
 * The organisation answers: what it did, pointing to an amended version of the contract or a month
 * of its actuals, which must exist.
 */
export async function answerFinding(
  ctx: UseCaseContext,
  id: string,
  input: unknown,
  expectedVersion: number,
): Promise<RectificationView> {
  const answer = parsed(AnswerFinding, input);
  const finding = await ctx.repos.rectifications.ofOrganisation(id);
  try {
    if (answer.version !== undefined) await ctx.repos.contracts.version(finding.contractId, answer.version);
    if (answer.month !== undefined) await ctx.repos.actuals.month(finding.contractId, answer.month);
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'not_found')) throw error;
    const path = answer.version !== undefined ? '/version' : '/month';
    throw new Invalid('The answer points to nothing recorded; nothing was saved', {
      fields: [
        {
          path,
          message:
            answer.version !== undefined
              ? `the contract has no version ${answer.version}`
              : `no actuals are recorded for ${answer.month}`,
          code: answer.version !== undefined ? 'noVersion' : 'noMonth',
        },
      ],
    });
  }
  return view(ctx)(
    await move(ctx, finding, 'answer', expectedVersion, {
      text: answer.text,
      ...(answer.version !== undefined ? { version: answer.version } : {}),
      ...(answer.month !== undefined ? { month: answer.month } : {}),
    }),
  );
}

const STEP_ACTION = { answer: 'answered', accept: 'accepted', reopen: 'reopened' } as const;

/** A step from the state the caller saw (412 when stale; 409 when the state does not allow it). */
async function move(
  ctx: UseCaseContext,
  finding: Rectification,
  step: RectificationMove,
  expectedVersion: number,
  detail: { text?: string; version?: number; month?: string },
): Promise<Rectification> {
  if (finding.version !== expectedVersion) throw new Stale('The finding has changed since it was read; reload it');
  if (!canTakeStep(finding.state, step))
    throw new Conflict(`A finding ${finding.state} cannot be ${STEP_ACTION[step]}`, { reason: 'wrongState' });
  const state: RectificationState = RECTIFICATION_RESULT[step];
  const next: Rectification = {
    ...finding,
    state,
    steps: [
      ...finding.steps,
      {
        action: STEP_ACTION[step],
        at: new Date().toISOString(),
        by: { tenantId: ctx.tenant.id, userId: ctx.actor.userId },
        ...detail,
      },
    ],
  };
  return ctx.repos.rectifications.step(finding, next, step);
}
