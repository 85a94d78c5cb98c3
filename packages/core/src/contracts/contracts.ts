import {
  type Amendment,
  assessContract,
  blockingTermFindings,
  type ContractDraft,
  type ContractPreview,
  type ContractStatus,
  type ContractWithVersion,
  type CostedDraft,
  isAmendable,
  isEditable,
  NEXT_STATUSES,
  resolveNamedPosts,
  type StoredContract,
  submissionBlockers,
  type Transition,
} from '@shegong/domain';
import { type ContractListFilter, MAX_VERSION_BYTES, type PageRequest, StoreError, versionBytes } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { commitOnce } from '../once.ts';
import { Conflict, Refused } from '../refusals.ts';
import { submissionReview } from '../reviews/reviews.ts';
import { costingContext } from './costing-context.ts';
import { currentHead, type InForceLookup, inForceLookup, type Recost, withEffect } from './guideline.ts';

/**
 * Purchase contracts: costing a draft against the rule set in force for the purchaser's region on
 * its start date (COSTING.md, N-1, N-3), and saving, amending and moving a contract along its
 * statuses. The API and the pages both come here, so a form and a request refuse the same things
 * with the same findings.
 */

/** How each status may change, for a Conflict that says what to do instead. */
const WHY_NOT: Record<ContractStatus, string> = {
  draft: 'A draft is edited in place (PUT), not amended',
  submitted:
    'A submitted contract is neither edited nor amended while the bureau reviews it: withdraw it to draft to edit it',
  approved:
    'An approved contract is neither edited nor amended: withdraw it to draft to edit it, or record it signed and amend it',
  signed: 'A signed contract changes only by amendment',
  running: 'A running contract changes only by amendment',
  closed: 'A closed contract no longer changes',
};

/**
 * Costs a draft: the rule set in force for the purchaser's region on the start date and the named
 * persons' pay and certificate (costingContext refuses either missing), N-1 refusals, then the
 * assessment of the posts as resolved. `at` is where the draft sits in the input (`/draft` for an
 * amendment), so every refusal names the field of the input.
 */
export async function costDraft(ctx: UseCaseContext, draft: ContractDraft, at = ''): Promise<CostedDraft> {
  const { purchaser, startDate } = draft.terms;
  const { ruleSet, rules, people } = await costingContext(ctx, {
    region: purchaser.region,
    date: startDate,
    datePath: `${at}/terms/startDate`,
    personIds: draft.plan.posts.map((p) => p.personId),
    personPath: (i) => `${at}/plan/posts/${i}/personId`,
  });
  const blocking = blockingTermFindings(draft, rules);
  if (blocking.length)
    throw new Refused('The contract term is longer than N-1 allows; nothing was saved', { findings: blocking, at });
  const { posts } = resolveNamedPosts(draft.plan.posts, people, startDate);
  const assessment = assessContract({ ...draft, plan: { ...draft.plan, posts } }, rules);
  const costed: CostedDraft = { draft, costedPosts: posts, ruleSet, rules, assessment };
  // Within the schema's bounds a version compresses far below this; a refusal here beats a failed write.
  if (versionBytes(costed) > MAX_VERSION_BYTES) {
    throw new Refused('The contract is too large to store as one version; split the plan', {
      reason: 'tooLarge',
      fields: [
        { path: `${at}/plan`, message: 'is too large to store (fewer posts or budget items)', code: 'tooLarge' },
      ],
    });
  }
  return costed;
}

/** Costs a draft without saving anything: an organisation tries prices before it bids. */
export async function previewContract(ctx: UseCaseContext, draft: ContractDraft): Promise<ContractPreview> {
  const costed = await costDraft(ctx, draft);
  return { ruleSet: costed.ruleSet, costedPosts: costed.costedPosts, assessment: costed.assessment };
}

/** A new draft contract (version 1), costed and stored with its number guard. Recorded once per key. */
export async function createContract(
  ctx: UseCaseContext,
  draft: ContractDraft,
  key?: string,
): Promise<ContractWithVersion & { replayed: boolean }> {
  const { body, replayed } = await commitOnce(
    ctx.repos,
    key,
    { operation: 'contract.create', input: draft },
    async () => {
      const costed = await costDraft(ctx, draft);
      const mutation = ctx.repos.scope.mutation();
      return { mutation, body: ctx.repos.contracts.stageCreate(mutation, costed, { createdOn: ctx.clock.today() }) };
    },
  );
  return { ...body, replayed };
}

/** Replaces a draft's version (only while draft: Conflict otherwise; Stale on an old version). */
export async function editContract(
  ctx: UseCaseContext,
  id: string,
  draft: ContractDraft,
  expectedVersion: number,
): Promise<ContractWithVersion> {
  const current = await ctx.repos.contracts.get(id);
  if (!isEditable(current.status))
    throw new Conflict(`${WHY_NOT[current.status]}; nothing was saved`, { reason: 'notEditable' });
  return ctx.repos.contracts.editDraft(id, await costDraft(ctx, draft), expectedVersion);
}

/**
 * An amendment of a signed or running contract: version n+1 with its own costing, the reason, the
 * date it takes effect (within the amended term) and what changed. Earlier versions stay as saved.
 */
export async function amendContract(
  ctx: UseCaseContext,
  id: string,
  amendment: Amendment,
  expectedVersion: number,
): Promise<ContractWithVersion> {
  const current = await ctx.repos.contracts.get(id);
  if (!isAmendable(current.status))
    throw new Conflict(`${WHY_NOT[current.status]}; nothing was saved`, { reason: 'notAmendable' });
  const { startDate, endDate } = amendment.draft.terms;
  if (amendment.effectiveDate < startDate || amendment.effectiveDate > endDate) {
    throw new Refused('An amendment takes effect within the contract term', {
      reason: 'effectiveOutsideTerm',
      fields: [
        {
          path: '/effectiveDate',
          message: `must fall within the term ${startDate} … ${endDate}`,
          code: 'effectiveOutsideTerm',
        },
      ],
    });
  }
  const costed = await costDraft(ctx, amendment.draft, '/draft');
  try {
    return await ctx.repos.contracts.amend(
      id,
      costed,
      { reason: amendment.reason, effectiveDate: amendment.effectiveDate },
      expectedVersion,
    );
  } catch (error) {
    // The store names fields of the draft; in an amendment the draft is under /draft.
    if (error instanceof StoreError && error.code === 'conflict' && typeof error.detail.field === 'string') {
      throw new Conflict(error.message, {
        fields: [{ path: `/draft/${error.detail.field}`, message: error.message, code: error.code }],
      });
    }
    throw error;
  }
}

/**
 * Moves a contract along NEXT_STATUSES (Conflict naming the statuses allowed from here). A
 * submission is refused while the terms break N-1 or N-3; costing findings never block, they are
 * shown. The date defaults to today (China time).
 */
export async function changeContractStatus(
  ctx: UseCaseContext,
  id: string,
  transition: Transition,
  expectedVersion: number,
): Promise<StoredContract> {
  const current = await ctx.repos.contracts.get(id);
  const allowed = NEXT_STATUSES[current.status];
  // Review before signing (P-U1): the bureau decides a submission; the organisation cannot sign around it.
  if (current.status === 'submitted' && (transition.to === 'signed' || transition.to === 'approved')) {
    throw new Conflict(
      transition.to === 'signed'
        ? 'The bureau must approve this contract before it is recorded as signed: it is waiting for review'
        : 'Only the reviewing bureau approves a contract',
      {
        reason: 'awaitingReview',
        fields: [{ path: '/to', message: `must be one of: ${allowed.join(', ')} (the bureau approves it)` }],
      },
    );
  }
  if (!allowed.includes(transition.to)) {
    throw new Conflict(
      allowed.length
        ? `A ${current.status} contract can move only to ${allowed.join(' or ')}, not to ${transition.to}`
        : `A ${current.status} contract cannot change status any more`,
      {
        reason: 'notAllowedMove',
        fields: [{ path: '/to', message: `must be one of: ${allowed.join(', ') || '(none)'}` }],
      },
    );
  }
  if (transition.to === 'submitted') {
    const version = await ctx.repos.contracts.version(id, current.currentVersion);
    const blockers = submissionBlockers(version.assessment);
    if (blockers.length) {
      throw new Refused(
        `The contract cannot be submitted: its terms break ${blockers.map((f) => f.ruleId).join(', ')}`,
        { findings: blockers, reason: 'submissionBlocked' },
      );
    }
  }
  return ctx.repos.contracts.transition(
    id,
    {
      to: transition.to,
      date: transition.date ?? ctx.clock.today(),
      ...(transition.note ? { note: transition.note } : {}),
    },
    expectedVersion,
    transition.to === 'submitted' ? { review: await submissionReview(ctx, current) } : {},
  );
}

/**
 * Costs a stale draft again with the rule set now in force (guideline.ts says when). A draft that
 * can no longer be costed as it stands — someone named has left the registry, or the new rule set's
 * N-1 refuses its term — is not rewritten: it is shown the newer guideline, and its editor says why.
 */
const recostDraft =
  (ctx: UseCaseContext): Recost =>
  async (head) => {
    const stored = await ctx.repos.contracts.version(head.id, head.currentVersion);
    const costed = await costDraft(ctx, stored.draft).catch((error: unknown) => {
      if (error instanceof Refused) return undefined;
      throw error;
    });
    if (!costed) return { contract: head, version: stored };
    return ctx.repos.contracts.editDraft(head.id, costed, head.version, { recostedFrom: stored.ruleSet });
  };

function current(ctx: UseCaseContext, head: StoredContract, lookup: InForceLookup = inForceLookup(ctx)) {
  return currentHead(ctx, head, lookup, recostDraft(ctx));
}

/** A contract's head: its status, term, value and current version's figures, under the rules in force. */
export async function getContract(ctx: UseCaseContext, id: string): Promise<StoredContract> {
  return current(ctx, await ctx.repos.contracts.get(id));
}

/**
 * The head and one version (the current one by default). On the current version, a newer guideline
 * comes with what it would change.
 */
export async function contractView(
  ctx: UseCaseContext,
  id: string,
  versionNumber?: number,
): Promise<ContractWithVersion> {
  const contract = await getContract(ctx, id);
  const version = await ctx.repos.contracts.version(id, versionNumber ?? contract.currentVersion);
  return { contract: await withEffect(ctx, contract, version), version };
}

/** The organisation's contracts, newest first, optionally of one status, under the rules in force. */
export async function listContracts(ctx: UseCaseContext, page: PageRequest, filter: ContractListFilter = {}) {
  const found = await ctx.repos.contracts.list(page, filter);
  const lookup = inForceLookup(ctx);
  return { ...found, items: await Promise.all(found.items.map((head) => current(ctx, head, lookup))) };
}

/** A page of a contract's versions, oldest first (another organisation's contract answers NotFound). */
export async function contractVersions(ctx: UseCaseContext, id: string, page: PageRequest) {
  await ctx.repos.contracts.get(id);
  return ctx.repos.contracts.versions(id, page);
}
