import { actingAs, changeContractStatus, costDraft } from '@shegong/core';
import { addDays, addMonths, type ContractDraft, diffDrafts, termMonths } from '@shegong/domain';
import { AMENDMENT_EXAMPLE, CONTRACT_EXAMPLE } from '@shegong/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Properties of contracts over generated input (fast-check lives in the test package, so the
 * domain's are here too): a term of n months is n months; and amendments, on DynamoDB Local through
 * the store, never touch an earlier version.
 */

const date = fc.integer({ min: 0, max: 365 * 40 }).map((days) => addDays('2000-01-01', days));

describe('termMonths', () => {
  it('is n for a term from any day to the day before the same day n months on (or that month’s end)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 120 }), (start, n) => {
        const same = addMonths(start, n);
        // Where the end month lacks the start's day (31 January + 1 month), the term runs to its end.
        const end = same.slice(8) === start.slice(8) ? addDays(same, -1) : same;
        expect(termMonths(start, end)).toBe(n);
        expect(termMonths(start, addDays(end, 1))).toBe(n + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('never falls as the end date moves later', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }), (start, days, more) => {
        const end = addDays(start, days);
        expect(termMonths(start, addDays(end, more))).toBeGreaterThanOrEqual(termMonths(start, end));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('diffDrafts', () => {
  it('is empty exactly when the drafts are equal, and names only paths that exist on one side', () => {
    const pay = fc.integer({ min: 2_000_00, max: 9_000_00 });
    fc.assert(
      fc.property(pay, pay, (a, b) => {
        const before = structuredClone(CONTRACT_EXAMPLE);
        const after = structuredClone(CONTRACT_EXAMPLE);
        before.plan.posts[1]!.monthlyPay = a;
        after.plan.posts[1]!.monthlyPay = b;
        const changes = diffDrafts(before, after);
        expect(changes).toEqual(a === b ? [] : [{ path: '/plan/posts/1/monthlyPay', before: a, after: b }]);
      }),
    );
  });
});

const world = await World.create('contracts-properties');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

describe('amendments', () => {
  it('never change an earlier version’s stored draft or costing', async () => {
    const orgA = world.tenant('orgA');
    const ctx = await actingAs(world.deps, { tenantId: orgA.id, userId: orgA.users[0]!.id });
    const { repos } = ctx;
    // One change of an amendment: a post's pay, FTE or months, or the value with the personnel line.
    const change = fc.oneof(
      fc.record({ post: fc.integer({ min: 0, max: 3 }), monthlyPay: fc.integer({ min: 1_000_00, max: 9_000_00 }) }),
      fc.record({ post: fc.integer({ min: 0, max: 3 }), ftePercent: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ post: fc.integer({ min: 0, max: 3 }), months: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ extra: fc.integer({ min: -50_000_00, max: 50_000_00 }) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        run++;
        const original: ContractDraft = {
          ...CONTRACT_EXAMPLE,
          terms: { ...CONTRACT_EXAMPLE.terms, number: `PROP-${run}-${Date.now()}` },
        };
        const created = await repos.contracts.create(await costDraft(ctx, original));
        let head = created.contract;
        head = await changeContractStatus(ctx, head.id, { to: 'submitted', date: '2025-12-15' }, head.version);
        head = await world.approve(world.tenant('orgA'), head.id, head.version);
        head = await repos.contracts.transition(head.id, { to: 'signed', date: '2025-12-20' }, head.version);
        const kept = [await repos.contracts.version(head.id, 1)];
        let draft = original;
        for (const c of changes) {
          draft = structuredClone(draft);
          if ('extra' in c) {
            const extra = Math.max(c.extra, -draft.plan.lines.personnel);
            draft.terms.value += extra;
            draft.plan.lines.personnel += extra;
            draft.terms.milestones = [{ name: '全款', dueDate: '2026-12-31', amount: draft.terms.value }];
          } else {
            const { post, ...fields } = c;
            Object.assign(draft.plan.posts[post]!, fields);
          }
          const costed = await costDraft(ctx, draft);
          const amended = await repos.contracts.amend(head.id, costed, AMENDMENT_EXAMPLE, head.version);
          head = amended.contract;
          // Every earlier version reads back exactly as it was stored, draft and costing.
          for (const earlier of kept) expect(await repos.contracts.version(head.id, earlier.number)).toEqual(earlier);
          kept.push(amended.version);
          expect(await repos.contracts.version(head.id, amended.version.number)).toEqual(amended.version);
        }
        expect(head.currentVersion).toBe(changes.length + 1);
        const all = await repos.contracts.versions(head.id, { limit: 10 });
        expect(all.items).toEqual(kept);
      }),
      { numRuns: 12 },
    );
    // Twelve contracts of up to four versions each, every write a transaction: on a busy 2-core box
    // that can take longer than the project's 30 s, and how long it takes is not what this checks.
  }, 180_000);
});
