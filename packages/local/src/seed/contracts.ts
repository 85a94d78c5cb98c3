import {
  actingAs,
  amendContract,
  changeContractStatus,
  createContract,
  decideReview,
  recordActualMonth,
  type UseCaseContext,
} from '@shegong/core';
import {
  type ActualMonthInput,
  addDays,
  type ContractDraft,
  highestCertificate,
  monthLastDay,
  type ReviewDecision,
  roundHalfUp,
  type StoredContract,
} from '@shegong/domain';
import { backfillRegister, type Store, StoreError, type TenantRepositories } from '@shegong/store';
import {
  DEMO_CONTRACTS,
  type DemoContract,
  demoRulesOf,
  namedPeople,
  REGISTER_DEMO_CONTRACTS,
} from './demo-contracts.ts';
import { adminOf, DEMO_TENANTS, userOf } from './demo-data.ts';
import { DEMO_TODAY } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'contracts-v1': the demo contracts (demo-contracts.ts), created, moved through their
 * statuses, amended and given months of actuals through the same operations the API uses, so
 * they are costed and audited like any other. A contract already there (by its number) is skipped,
 * so a seed cut short is completed by the next start.
 */

/** Whether the organisation already has a contract with this number (a seed cut short, then rerun). */
async function exists(repos: TenantRepositories, number: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await repos.contracts.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    if (page.items.some((c) => c.number === number)) return true;
    cursor = page.cursor;
  } while (cursor);
  return false;
}

/**
 * A month of actuals for a running demo contract: each named post's person at their registry pay
 * and the post's FTE as their share; expenses at the budget's monthly pace, with activities (or,
 * for the second organisation, other costs) spent faster than planned so the projection flags
 * it; and in August one person paid ¥200 under the guideline after unpaid leave (P-W3).
 */
function actualMonth(contract: DemoContract, draft: ContractDraft, month: string, index: number): ActualMonthInput {
  const people = namedPeople(contract.tenant);
  const day = monthLastDay(month);
  const payroll: ActualMonthInput['payroll'] = [];
  for (const post of draft.plan.posts) {
    const person = post.personId ? people.get(post.personId) : undefined;
    if (!person) continue;
    // A post added by amendment is paid from the month its months count back from the end.
    const monthsLeft =
      Number(draft.terms.endDate.slice(0, 4)) * 12 +
      Number(draft.terms.endDate.slice(5, 7)) -
      (Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))) +
      1;
    if (monthsLeft > post.months) continue;
    payroll.push({
      personId: person.id,
      name: person.name,
      certLevel: highestCertificate(person, day),
      grossPay: person.monthlyPay,
      sharePercent: post.ftePercent,
    });
  }
  const last = payroll[payroll.length - 1];
  if (month.endsWith('-08') && last) last.grossPay = demoRulesOf(contract.tenant).payFloor[last.certLevel] - 200_00;
  const { lines } = draft.plan;
  const monthly = (amount: number, pace = 100) => roundHalfUp(amount * pace, 1200);
  // A little month-to-month variation, the same on every machine.
  const wobble = 95 + ((index * 7) % 11);
  const fast = contract.tenant.domain === 'yangguang.demo';
  return {
    payroll,
    expenses: {
      supervision: monthly(lines.supervision, wobble),
      activities: monthly(lines.activities, fast ? 135 : wobble),
      management: monthly(lines.management),
      tax: monthly(lines.tax),
      other: monthly(lines.other, fast ? wobble : 140),
    },
    note: '示例数据 Demo data',
  };
}

/** Creates a demo contract as its organisation's admin; undefined when it is there already. */
export async function createDemoContract(store: Store, contract: DemoContract) {
  const member = { tenantId: contract.tenant.id, userId: await adminOf(store, contract.tenant) };
  if (await exists(store.tenant(member), contract.draft.terms.number)) return undefined;
  // Drafted a couple of weeks before its first step (or before the demo's today): histories read in order.
  const draftedOn = addDays(contract.steps[0]?.date ?? DEMO_TODAY, -14);
  const ctx = await actingAs({ store, today: () => draftedOn }, member);
  const { contract: stored } = await createContract(ctx, contract.draft);
  return { ctx, stored };
}

/** Moves a created demo contract through its steps and amendment, then records its months. */
export async function runDemoContract(
  contract: DemoContract,
  ctx: UseCaseContext,
  created: StoredContract,
): Promise<void> {
  let stored = created;
  let draft = contract.draft;
  const amendAfter = contract.steps.findIndex((s) => s.to === 'running');
  for (const [i, step] of contract.steps.entries()) {
    stored =
      step.to === 'approved'
        ? await decideAsReviewer(ctx.store, ctx.tenant.id, stored, { decision: 'approve', reasons: [] }, step.date)
        : await changeContractStatus(ctx, stored.id, { to: step.to, date: step.date }, stored.version);
    if (i === amendAfter && contract.amendment) {
      draft = contract.amendment.change(contract.draft);
      const amended = await amendContract(
        ctx,
        stored.id,
        { reason: contract.amendment.reason, effectiveDate: contract.amendment.effectiveDate, draft },
        stored.version,
      );
      stored = amended.contract;
    }
  }
  for (const [index, month] of (contract.actualMonths ?? []).entries())
    await recordActualMonth(ctx, stored.id, month, actualMonth(contract, draft, month, index));
}

/**
 * A review decision on a submitted demo contract, made by the reviewer of the bureau it was
 * submitted to (review before signing), through the same operation the API uses.
 */
export async function decideAsReviewer(
  store: Store,
  organisationId: string,
  submitted: StoredContract,
  decision: ReviewDecision,
  date: string,
): Promise<StoredContract> {
  const bureau = DEMO_TENANTS.find((t) => t.id === submitted.review?.bureau.id);
  if (!bureau) throw new Error(`contract ${submitted.number} was submitted to no demo bureau`);
  const member = { tenantId: bureau.id, userId: await userOf(store, `reviewer@${bureau.domain}`) };
  const ctx = await actingAs({ store, today: () => date }, member);
  return (await decideReview(ctx, organisationId, submitted.id, decision, submitted.version)).contract;
}

/** Names the demo contract a failure came from. */
function failedContract(contract: DemoContract, error: unknown): Error {
  const detail = error instanceof StoreError ? `${error.code}: ${error.message}` : String(error);
  return new Error(`seeding contract ${contract.draft.terms.number} failed: ${detail}`, { cause: error });
}

/** Seeds contracts one after another, their histories then beside each other; the first failure is thrown. */
async function seedContracts(store: Store, contracts: readonly DemoContract[]): Promise<void> {
  // Created one after another, so the lists show them in the same order on every machine; each
  // one's history then runs beside the others' (they share only register aggregates, which a
  // transaction that loses a race for one sends again: store/src/mutation.ts).
  const histories: Promise<void>[] = [];
  let failure: Error | undefined;
  for (const contract of contracts) {
    const made = await createDemoContract(store, contract).catch((error) => {
      failure = failedContract(contract, error);
    });
    if (failure) break;
    if (made)
      histories.push(
        runDemoContract(contract, made.ctx, made.stored).catch((error) => {
          throw failedContract(contract, error);
        }),
      );
  }
  // Every history settles before the part ends, even when one failed.
  const settled = await Promise.allSettled(histories);
  const rejected = settled.find((r) => r.status === 'rejected');
  if (failure) throw failure;
  if (rejected) throw rejected.reason;
}

SEED_PARTS.push({
  name: 'contracts-v1',
  run: (store) => seedContracts(store, DEMO_CONTRACTS),
});

/**
 * Seed part 'register-backfill-v1': a system seeded before the register (台账) existed gives its
 * contracts their register rows and aggregates (a new system's contracts wrote their own).
 */
SEED_PARTS.push({
  name: 'register-backfill-v1',
  async run(store: Store) {
    await backfillRegister(store);
  },
});

/** Seed part 'register-v1': contracts across the counties and years for the bureaus' register (台账). */
SEED_PARTS.push({
  name: 'register-v1',
  run: (store) => seedContracts(store, REGISTER_DEMO_CONTRACTS),
});
