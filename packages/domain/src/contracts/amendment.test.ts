import { describe, expect, it } from 'vitest';
import { diffDrafts } from './amendment.ts';
import { draft } from './test-fixtures.ts';

/** The assessment tests' draft: one social worker, ¥80,000. */
const before = draft();

describe('diffDrafts', () => {
  it('finds nothing between equal drafts', () => {
    expect(diffDrafts(before, structuredClone(before))).toEqual([]);
  });

  it('lists each changed leaf as a pointer with the value before and after', () => {
    const after = structuredClone(before);
    after.terms.value = 90_000_00;
    after.plan.lines.personnel = 73_600_00;
    after.terms.purchaser.name = '防城港市港口区民政局';
    expect(diffDrafts(before, after)).toEqual([
      { path: '/terms/purchaser/name', before: '防城港市民政局', after: '防城港市港口区民政局' },
      { path: '/terms/value', before: 80_000_00, after: 90_000_00 },
      { path: '/plan/lines/personnel', before: 63_600_00, after: 73_600_00 },
    ]);
  });

  it('shows an added post as its leaves with nothing before, and a removed one with nothing after', () => {
    const added = structuredClone(before);
    added.plan.posts.push({
      title: '督导',
      role: 'supervisor',
      certLevel: 'senior',
      ftePercent: 20,
      months: 12,
      monthlyPay: 5_000_00,
    });
    expect(diffDrafts(before, added)).toEqual([
      { path: '/plan/posts/1/title', after: '督导' },
      { path: '/plan/posts/1/role', after: 'supervisor' },
      { path: '/plan/posts/1/certLevel', after: 'senior' },
      { path: '/plan/posts/1/ftePercent', after: 20 },
      { path: '/plan/posts/1/months', after: 12 },
      { path: '/plan/posts/1/monthlyPay', after: 5_000_00 },
    ]);
    expect(diffDrafts(added, before).map((c) => [c.path, 'after' in c])).toContainEqual(['/plan/posts/1/title', false]);
  });

  it('shows an optional field that appears (a named person) and a boolean that flips', () => {
    const after = structuredClone(before);
    after.plan.posts[0]!.personId = 'p-1';
    after.terms.stableRecurring = true;
    expect(diffDrafts(before, after)).toEqual([
      { path: '/terms/stableRecurring', before: false, after: true },
      { path: '/plan/posts/0/personId', after: 'p-1' },
    ]);
  });
});
