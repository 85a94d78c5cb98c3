import type { AwardClaim } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { awardTotalsOf, claimPeriod } from './totals.ts';

const claim = (change: Partial<AwardClaim>): AwardClaim =>
  ({
    id: 'c',
    organisationId: 'org-1',
    organisation: '阳光',
    region: '450602',
    level: 'assistant',
    claimDate: '2026-02-10',
    status: 'endorsed',
    amount: 1_000_00,
    ...change,
  }) as AwardClaim;

describe('P-A7 totals', () => {
  it('counts a paid claim in the quarter it was paid, any other in the quarter it was claimed', () => {
    expect(claimPeriod(claim({}))).toBe('2026-Q1');
    const paid = claim({
      status: 'paid',
      payment: { date: '2026-07-01', reference: 'x', amount: 1_000_00, entryId: 'e' },
    });
    expect(claimPeriod(paid)).toBe('2026-Q3');
  });

  it('adds counts by state and fen approved and paid, by each grouping', () => {
    const totals = awardTotalsOf([
      claim({ status: 'approved', amount: 2_000_00, level: 'social_worker' }),
      claim({ status: 'paid', payment: { date: '2026-11-20', reference: 'x', amount: 1_000_00, entryId: 'e' } }),
      claim({ status: 'refused', region: '450681', organisationId: 'org-2', organisation: '同心' }),
    ]);
    expect(totals.all).toMatchObject({
      counts: { endorsed: 0, approved: 1, paid: 1, refused: 1 },
      approvedAmount: 2_000_00,
      paidAmount: 1_000_00,
    });
    expect(totals.byCounty.map((r) => [r.key, r.counts.refused])).toEqual([
      ['450602', 0],
      ['450681', 1],
    ]);
    expect(totals.byOrganisation.map((r) => r.label)).toEqual(['阳光', '同心']);
    expect(totals.byPeriod.map((r) => r.key)).toEqual(['2026-Q1', '2026-Q4']);
    expect(totals.byLevel.find((r) => r.key === 'social_worker')?.approvedAmount).toBe(2_000_00);
  });
});
