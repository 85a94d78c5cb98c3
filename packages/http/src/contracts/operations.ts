import {
  type Amendment,
  assessContract,
  blockingTermFindings,
  type ContractAssessment,
  type ContractDraft,
  type ContractStatus,
  type CostedPostInput,
  type Finding,
  isAmendable,
  isEditable,
  type NamedPerson,
  NEXT_STATUSES,
  resolveNamedPosts,
  submissionBlockers,
  type Transition,
} from '@shegong/domain';
import {
  type ContractVersion,
  type CostedDraft,
  MAX_VERSION_BYTES,
  type Mutation,
  type RuleSetRef,
  ruleSetRefOf,
  type StoredContract,
  StoreError,
  type TenantRepositories,
  versionBytes,
} from '@shegong/store';
import type { AppDeps } from '../env.ts';
import { todayOf } from '../people/registry.ts';
import { ProblemError } from '../problem/problem.ts';

/**
 * What the contract API routes and pages share: costing a draft against the rule set in force for
 * the purchaser's region on its start date (COSTING.md, N-1, N-3), and saving, amending and moving
 * a contract along its statuses. Both call these, so a form and the API refuse the same things
 * with the same findings.
 */

/** How each status may change, for a 409 that says what to do instead. */
const WHY_NOT: Record<ContractStatus, string> = {
  draft: 'A draft is edited in place (PUT), not amended',
  submitted:
    'A submitted contract is neither edited nor amended: withdraw it to draft to edit it, or record it signed and amend it',
  signed: 'A signed contract changes only by amendment',
  running: 'A running contract changes only by amendment',
  closed: 'A closed contract no longer changes',
};

/**
 * Who reads contracts: the members who read the staff registry. A contract's costing shows each
 * named person's pay, which the registry shows only to these roles (not to `staff`).
 */
export const CONTRACT_READERS = { kinds: ['org'], roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;
/** Who creates, edits, amends, moves and previews them. */
export const CONTRACT_WRITERS = { kinds: ['org'], roles: ['admin', 'project_manager', 'finance'] } as const;

/**
 * A draft the rules refuse (422): each finding a field error at its path with its rule id and
 * amounts. `findings` keep their pointers into the draft; `errors` are pointers into the body sent
 * (an amendment's draft sits under `/draft`).
 */
export class ContractRefused extends ProblemError {
  constructor(
    message: string,
    readonly findings: readonly Finding[],
    readonly prefix = '',
  ) {
    super(
      422,
      message,
      findings.map((f) => ({
        path: `${prefix}${f.path}`,
        message: `${f.ruleId}: ${f.message}`,
        ruleId: f.ruleId,
        kind: f.kind,
        amounts: f.amounts,
      })),
    );
  }
}

/** The persons a draft's posts name, looked up in the organisation's registry (unknown ones left out). */
async function namedPersons(repos: TenantRepositories, draft: ContractDraft): Promise<Map<string, NamedPerson>> {
  const ids = [...new Set(draft.plan.posts.flatMap((p) => (p.personId ? [p.personId] : [])))];
  const found = await Promise.all(ids.map((id) => repos.people.find(id)));
  const people = new Map<string, NamedPerson>();
  for (const person of found) if (person) people.set(person.id, person);
  return people;
}

/**
 * Costs a draft: the rule set in force for the purchaser's region on the start date (none → 422 at
 * /terms/startDate), named persons' pay and certificate from the registry (unknown → 422 at the
 * post's personId), N-1 refusals (422 with the finding's path and rule), then the assessment of the
 * posts as resolved. `prefix` is where the draft sits in the request body (`/draft` for an amendment).
 */
export async function costDraft(
  deps: AppDeps,
  repos: TenantRepositories,
  draft: ContractDraft,
  prefix = '',
): Promise<CostedDraft> {
  const { purchaser, startDate } = draft.terms;
  const [ruleSet, people] = await Promise.all([
    deps.store.ruleSetInForce(purchaser.region, startDate),
    namedPersons(repos, draft),
  ]);
  if (!ruleSet) {
    throw new ProblemError(
      422,
      `No rule set is in force for the purchaser's region ${purchaser.region} on ${startDate}: the contract cannot be costed (P-W2)`,
      [
        {
          path: `${prefix}/terms/startDate`,
          message: `no rule set is in force for region ${purchaser.region} on this date`,
        },
      ],
    );
  }
  const resolved = resolveNamedPosts(draft.plan.posts, people, startDate);
  if (resolved.unknown.length) {
    throw new ProblemError(
      422,
      'A post names someone who is not in the staff registry; nothing was saved',
      resolved.unknown.map((i) => ({
        path: `${prefix}/plan/posts/${i}/personId`,
        message: 'is not a person in this organisation’s staff registry',
      })),
    );
  }
  const blocking = blockingTermFindings(draft, ruleSet.parameters);
  if (blocking.length) {
    throw new ContractRefused('The contract term is longer than N-1 allows; nothing was saved', blocking, prefix);
  }
  const assessment = assessContract({ ...draft, plan: { ...draft.plan, posts: resolved.posts } }, ruleSet.parameters);
  const costed: CostedDraft = {
    draft,
    costedPosts: resolved.posts,
    ruleSet: ruleSetRefOf(ruleSet),
    rules: ruleSet.parameters,
    assessment,
  };
  // Within the schema's bounds a version compresses far below this; a refusal here beats a failed write.
  if (versionBytes(costed) > MAX_VERSION_BYTES) {
    throw new ProblemError(422, 'The contract is too large to store as one version; split the plan', [
      { path: `${prefix}/plan`, message: 'is too large to store (fewer posts or budget items)' },
    ]);
  }
  return costed;
}

export interface ContractPreview {
  ruleSet: RuleSetRef;
  costedPosts: CostedPostInput[];
  assessment: ContractAssessment;
}

/** Costs a draft without saving anything: an organisation tries prices before it bids. */
export async function previewContract(
  deps: AppDeps,
  repos: TenantRepositories,
  draft: ContractDraft,
): Promise<ContractPreview> {
  const costed = await costDraft(deps, repos, draft);
  return { ruleSet: costed.ruleSet, costedPosts: costed.costedPosts, assessment: costed.assessment };
}

export interface ContractWithVersion {
  contract: StoredContract;
  version: ContractVersion;
}

/**
 * A new draft contract (version 1), costed, staged with its number guard and audit event: the
 * caller commits it (with an idempotency record: createOnce / commitOnce).
 */
export async function prepareContract(
  deps: AppDeps,
  repos: TenantRepositories,
  draft: ContractDraft,
): Promise<{ mutation: Mutation; body: ContractWithVersion }> {
  const costed = await costDraft(deps, repos, draft);
  const mutation = repos.scope.mutation();
  return { mutation, body: repos.contracts.stageCreate(mutation, costed, { createdOn: todayOf(deps) }) };
}

/** A new draft contract (version 1), costed and stored with its number guard, in one transaction. */
export async function createContract(
  deps: AppDeps,
  repos: TenantRepositories,
  draft: ContractDraft,
): Promise<ContractWithVersion> {
  return repos.contracts.create(await costDraft(deps, repos, draft), { createdOn: todayOf(deps) });
}

/** Replaces a draft's version (only while draft: 409 otherwise; 412 on a stale version). */
export async function editContract(
  deps: AppDeps,
  repos: TenantRepositories,
  id: string,
  draft: ContractDraft,
  expectedVersion: number,
): Promise<ContractWithVersion> {
  const current = await repos.contracts.get(id);
  if (!isEditable(current.status)) throw new ProblemError(409, `${WHY_NOT[current.status]}; nothing was saved`);
  return repos.contracts.editDraft(id, await costDraft(deps, repos, draft), expectedVersion);
}

/**
 * An amendment of a signed or running contract: version n+1 with its own costing, the reason, the
 * date it takes effect (within the amended term) and what changed. Earlier versions stay as saved.
 */
export async function amendContract(
  deps: AppDeps,
  repos: TenantRepositories,
  id: string,
  amendment: Amendment,
  expectedVersion: number,
): Promise<ContractWithVersion> {
  const current = await repos.contracts.get(id);
  if (!isAmendable(current.status)) throw new ProblemError(409, `${WHY_NOT[current.status]}; nothing was saved`);
  const { startDate, endDate } = amendment.draft.terms;
  if (amendment.effectiveDate < startDate || amendment.effectiveDate > endDate) {
    throw new ProblemError(422, 'An amendment takes effect within the contract term', [
      { path: '/effectiveDate', message: `must fall within the term ${startDate} … ${endDate}` },
    ]);
  }
  const costed = await costDraft(deps, repos, amendment.draft, '/draft');
  try {
    return await repos.contracts.amend(
      id,
      costed,
      { reason: amendment.reason, effectiveDate: amendment.effectiveDate },
      expectedVersion,
    );
  } catch (error) {
    // The store names fields of the draft; in an amendment's body the draft is under /draft.
    if (error instanceof StoreError && typeof error.detail.field === 'string') {
      throw new ProblemError(409, error.message, [{ path: `/draft/${error.detail.field}`, message: error.message }]);
    }
    throw error;
  }
}

/**
 * Moves a contract along NEXT_STATUSES (409 naming the statuses allowed from here). A submission
 * is refused (422) while the terms break N-1 or N-3; costing findings never block, they are shown.
 * The date defaults to today (China time).
 */
export async function changeContractStatus(
  deps: AppDeps,
  repos: TenantRepositories,
  id: string,
  transition: Transition,
  expectedVersion: number,
): Promise<StoredContract> {
  const current = await repos.contracts.get(id);
  const allowed = NEXT_STATUSES[current.status];
  if (!allowed.includes(transition.to)) {
    throw new ProblemError(
      409,
      allowed.length
        ? `A ${current.status} contract can move only to ${allowed.join(' or ')}, not to ${transition.to}`
        : `A ${current.status} contract cannot change status any more`,
      [{ path: '/to', message: `must be one of: ${allowed.join(', ') || '(none)'}` }],
    );
  }
  if (transition.to === 'submitted') {
    const version = await repos.contracts.version(id, current.currentVersion);
    const blockers = submissionBlockers(version.assessment);
    if (blockers.length) {
      throw new ContractRefused(
        `The contract cannot be submitted: its terms break ${blockers.map((f) => f.ruleId).join(', ')}`,
        blockers,
      );
    }
  }
  return repos.contracts.transition(
    id,
    {
      to: transition.to,
      date: transition.date ?? todayOf(deps),
      ...(transition.note ? { note: transition.note } : {}),
    },
    expectedVersion,
  );
}

/** The head and one version (the current one by default). */
export async function contractView(
  repos: TenantRepositories,
  id: string,
  versionNumber?: number,
): Promise<ContractWithVersion> {
  const contract = await repos.contracts.get(id);
  const version = await repos.contracts.version(id, versionNumber ?? contract.currentVersion);
  return { contract, version };
}
