import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, evaluateCriteria, milestoneViews, monthsThrough, TemplateInput } from './template.ts';

const record = {
  agreement: { startDate: '2026-03-01', periodMonths: 18, mode: 'physical' as const },
  toBeRegistered: true,
};
const done = { on: '2026-05-01', evidence: '章程已核准', at: '2026-05-01T08:00:00Z', by: { userId: 'u' } };

describe('monthsThrough', () => {
  it('counts an agreement’s months with both days included', () => {
    expect(monthsThrough('2026-03-01', '2027-02-28')).toBe(12);
    expect(monthsThrough('2026-03-01', '2027-02-27')).toBe(11);
    expect(monthsThrough('2026-03-01', '2026-03-30')).toBe(0);
    expect(monthsThrough('2026-03-01', '2026-02-01')).toBe(0);
  });
});

describe('evaluateCriteria', () => {
  it('says which criteria are unmet and why', () => {
    const results = evaluateCriteria(DEFAULT_TEMPLATE, {
      record,
      done: { governance: done },
      trainingTenthHours: 35,
      on: '2027-02-28',
    });
    expect(results.map((r) => [r.criterion.type, r.met, r.message])).toEqual([
      ['registered', false, 'not registered (未登记): no credit code recorded'],
      ['midterm_review', false, 'no mid-term review recorded'],
      ['min_months', true, '12 of 12 months incubated'],
      ['min_training_hours', false, '3.5 of 8 training hours'],
      ['milestone', true, 'milestone 章程与治理制度 done on 2026-05-01'],
      ['milestone', false, 'milestone 财务制度 not done'],
    ]);
  });

  it('meets every criterion once the facts are there', () => {
    const results = evaluateCriteria(DEFAULT_TEMPLATE, {
      record: { ...record, toBeRegistered: false, midtermReviewedOn: '2026-09-01' },
      done: { governance: done, financial_system: done },
      trainingTenthHours: 80,
      on: '2027-03-01',
    });
    expect(results.every((r) => r.met)).toBe(true);
    // The days a page says them by: the review's and each milestone's.
    expect(results.map((r) => r.on)).toEqual([
      undefined,
      '2026-09-01',
      undefined,
      undefined,
      '2026-05-01',
      '2026-05-01',
    ]);
    expect(results.find((r) => r.criterion.type === 'min_months')).toMatchObject({ have: 12, need: 12 });
  });
});

describe('TemplateInput', () => {
  it('accepts the defaults', () => {
    expect(TemplateInput.safeParse(DEFAULT_TEMPLATE).success).toBe(true);
  });

  it('names a duplicate milestone id, an unknown milestone and a repeated criterion', () => {
    const parsed = TemplateInput.safeParse({
      milestones: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ],
      criteria: [{ type: 'milestone', milestoneId: 'z' }, { type: 'midterm_review' }, { type: 'midterm_review' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('/'))).toEqual([
      'milestones/1/id',
      'criteria/0/milestoneId',
      'criteria/2',
    ]);
  });

  it('refuses hours that are not whole tenths and months out of range', () => {
    const parsed = TemplateInput.safeParse({
      milestones: [{ id: 'a', label: 'A' }],
      criteria: [
        { type: 'min_training_hours', tenthHours: 2.5 },
        { type: 'min_months', months: 0 },
      ],
    });
    expect(parsed.error?.issues.map((i) => i.path.join('/'))).toEqual(['criteria/0/tenthHours', 'criteria/1/months']);
  });
});

describe('milestoneViews', () => {
  it('says from the stored facts whether the organisation is registered', () => {
    const views = milestoneViews(DEFAULT_TEMPLATE, { done: {} }, { toBeRegistered: false });
    expect(views[0]).toMatchObject({ id: 'registered', fact: 'registered' });
    expect(views[1]?.fact).toBeUndefined();
  });
});
