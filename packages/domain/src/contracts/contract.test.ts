import { describe, expect, it } from 'vitest';
import { Amendment, ContractDraft, isAmendable, isEditable, NEXT_STATUSES, Transition } from './contract.ts';

/** A small valid draft (amounts need not meet any rule set: the schema checks shape, not policy). */
const draft = () => ({
  terms: {
    purchaser: { name: '防城港市港口区民政局', region: '450602' },
    number: 'GKMZ-2026-001',
    title: '社区社会工作服务项目',
    services: ['helping_needy', 'resource_linking'],
    serviceArea: '港口区渔洲坪街道',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    value: 100_000_00,
    milestones: [
      { name: '首期', dueDate: '2026-01-31', amount: 40_000_00 },
      // The final payment may fall in the 3 months after the term.
      { name: '尾期', dueDate: '2027-03-31', amount: 60_000_00 },
    ],
  },
  plan: {
    posts: [{ title: '一线社工', role: 'frontline', certLevel: 'assistant', ftePercent: 100, months: 12 }],
    lines: {
      personnel: 80_000_00,
      supervision: 3_000_00,
      activities: 8_000_00,
      management: 6_000_00,
      tax: 3_000_00,
      other: 0,
    },
    items: [
      { line: 'activities', category: '社区活动物资', unitPrice: 2_000_00, unit: '场', quantity: 3 },
      { line: 'activities', category: '讲师费', unitPrice: 1_000_00, unit: '次', quantity: 2 },
      { line: 'supervision', category: '督导费', unitPrice: 500_00, unit: '次', quantity: 6 },
    ],
  },
});

type Draft = ReturnType<typeof draft>;
const paths = (input: unknown) => {
  const result = ContractDraft.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `/${i.path.join('/')}`);
};
const changed = (change: (d: Draft) => void) => {
  const d = draft();
  change(d);
  return d;
};

describe('ContractDraft', () => {
  it('accepts a valid draft and fills the defaults (not stable-recurring, no deliverables)', () => {
    const parsed = ContractDraft.parse(draft());
    expect(parsed.terms.stableRecurring).toBe(false);
    expect(parsed.terms.deliverables).toEqual([]);
  });

  it('refuses a post longer than the term, naming the post’s months', () => {
    // 2026-01-01 … 2026-06-30 is 6 months.
    const d = changed((d) => {
      d.terms.endDate = '2026-06-30';
      d.terms.milestones = [{ name: '全款', dueDate: '2026-06-30', amount: 100_000_00 }];
      d.plan.posts[0]!.months = 7;
    });
    expect(paths(d)).toEqual(['/plan/posts/0/months']);
    expect(ContractDraft.safeParse(d).error?.issues[0]?.message).toBe('cannot exceed the contract term of 6 months');
    d.plan.posts[0]!.months = 6;
    expect(paths(d)).toEqual([]);
  });

  it('refuses a milestone before the start or more than 3 months after the end', () => {
    expect(paths(changed((d) => (d.terms.milestones[0]!.dueDate = '2025-12-31')))).toEqual([
      '/terms/milestones/0/dueDate',
    ]);
    // 2026-12-31 + 3 months = 2027-03-31 is the last day allowed.
    expect(paths(changed((d) => (d.terms.milestones[1]!.dueDate = '2027-04-01')))).toEqual([
      '/terms/milestones/1/dueDate',
    ]);
  });

  it('refuses an itemised line that is not the sum of its items (3 × 2,000 + 2 × 1,000 = 8,000.00)', () => {
    const d = changed((d) => (d.plan.lines.activities = 8_000_01));
    expect(paths(d)).toEqual(['/plan/lines/activities']);
    expect(ContractDraft.safeParse(d).error?.issues[0]?.message).toBe('must equal the sum of its items, 800000 fen');
    // A line without items is not checked against anything.
    expect(paths(changed((d) => (d.plan.lines.other = 1_234_00)))).toEqual([]);
  });

  it('refuses an end before the start, a term of 10 years or more, and names the end date', () => {
    expect(paths(changed((d) => (d.terms.endDate = '2025-12-31')))).toEqual(['/terms/endDate']);
    expect(paths(changed((d) => (d.terms.endDate = '2036-01-01')))).toEqual(['/terms/endDate']);
  });

  it('names a missing or unreal start date instead of failing to count the term from it', () => {
    expect(paths(changed((d) => (d.terms.startDate = '')))).toContain('/terms/startDate');
    expect(paths(changed((d) => (d.terms.startDate = '2026-02-30')))).toContain('/terms/startDate');
  });

  it('refuses unknown services, a service twice, none, and unknown fields', () => {
    expect(paths(changed((d) => (d.terms.services = ['fundraising'])))).toEqual(['/terms/services/0']);
    expect(paths(changed((d) => (d.terms.services = ['helping_needy', 'helping_needy'])))).toEqual(['/terms/services']);
    expect(paths(changed((d) => (d.terms.services = [])))).toEqual(['/terms/services']);
    expect(paths({ ...draft(), tenantId: 'x' })).toEqual(['/']);
  });

  it('refuses fractional fen and negative amounts', () => {
    expect(paths(changed((d) => (d.terms.value = 100.5)))).toEqual(['/terms/value']);
    expect(paths(changed((d) => (d.plan.lines.tax = -1)))).toEqual(['/plan/lines/tax']);
  });
});

describe('Amendment and Transition', () => {
  it('need a reason and an effective date; a transition only a known status', () => {
    expect(Amendment.safeParse({ reason: ' ', effectiveDate: '2026-07-01', draft: draft() }).success).toBe(false);
    expect(Amendment.safeParse({ reason: '调薪', effectiveDate: '2026-07-01', draft: draft() }).success).toBe(true);
    expect(Transition.safeParse({ to: 'archived' }).success).toBe(false);
    expect(Transition.parse({ to: 'signed', date: '2026-01-05' })).toEqual({ to: 'signed', date: '2026-01-05' });
  });
});

describe('the status machine', () => {
  it('goes draft → submitted → (the bureau approves) → signed → running → closed, and may be withdrawn before signing', () => {
    expect(NEXT_STATUSES).toEqual({
      draft: ['submitted'],
      submitted: ['draft'],
      approved: ['draft', 'signed'],
      signed: ['running'],
      running: ['closed'],
      closed: [],
    });
  });

  it('edits only a draft in place and amends only a signed or running contract', () => {
    expect(
      ['draft', 'submitted', 'signed', 'running', 'closed'].map((s) => [
        s,
        isEditable(s as never),
        isAmendable(s as never),
      ]),
    ).toEqual([
      ['draft', true, false],
      ['submitted', false, false],
      ['signed', false, true],
      ['running', false, true],
      ['closed', false, false],
    ]);
  });
});
