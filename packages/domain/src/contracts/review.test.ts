import { describe, expect, it } from 'vitest';
import { NEXT_STATUSES } from './contract.ts';
import { DECIDED_STATUS, ReviewDecision } from './review.ts';

describe('review before signing (P-U1)', () => {
  it('lets an organisation sign only an approved contract; the bureau moves a submitted one', () => {
    expect(NEXT_STATUSES.submitted).toEqual(['draft']);
    expect(NEXT_STATUSES.approved).toEqual(['draft', 'signed']);
    expect(Object.values(NEXT_STATUSES).filter((next) => next.includes('approved'))).toEqual([]);
    expect(DECIDED_STATUS).toEqual({ approve: 'approved', return: 'draft' });
  });

  it('takes an approval without reasons, and a return only with one', () => {
    expect(ReviewDecision.parse({ decision: 'approve' })).toEqual({ decision: 'approve', reasons: [] });
    const bare = ReviewDecision.safeParse({ decision: 'return', reasons: [] });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues.map((i) => i.path)).toEqual([['reasons']]);
    const returned = ReviewDecision.parse({
      decision: 'return',
      reasons: [{ text: ' 月薪低于指导标准 ', ruleId: 'P-W3', field: 'plan/posts/0/monthlyPay' }],
    });
    expect(returned.reasons[0]).toEqual({ text: '月薪低于指导标准', ruleId: 'P-W3', field: 'plan/posts/0/monthlyPay' });
  });

  it('refuses a rule id POLICY.md would not write, an empty reason and unknown fields, naming each', () => {
    const result = ReviewDecision.safeParse({
      decision: 'return',
      reasons: [
        { text: '', ruleId: 'PW3' },
        { text: 'x', extra: 1 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('/')).sort()).toEqual([
      'reasons/0/ruleId',
      'reasons/0/text',
      'reasons/1',
    ]);
  });
});
