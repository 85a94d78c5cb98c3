import { describe, expect, it } from 'vitest';
import { formDate } from '../../forms/dates.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import {
  actionOf,
  applyRowAction,
  contractFormFields,
  costableDraft,
  draftFrom,
  type EditorValues,
  emptyValues,
  fieldOf,
  type PostedForm,
  readValues,
  valuesOf,
} from './form.ts';

const f = zhCN;

/** A form as the browser posts it: names to values (a list for the checkboxes). */
function posted(fields: Record<string, string | string[]>): PostedForm {
  const all = (name: string) => {
    const v = fields[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const text = (name: string) => all(name)[0]?.trim() ?? '';
  return { text, date: (name) => formDate(text(name)), list: (name) => all(name).filter(Boolean) };
}

/** A one-year contract with one assistant post; every figure typed in yuan as a user would. */
const GOOD: Record<string, string | string[]> = {
  purchaserName: '防城港市民政局',
  purchaserRegion: '450600',
  number: 'FCG-2026-001',
  title: '沙潭江街道社工站',
  services: ['helping_needy', 'resource_linking', 'not_a_service'],
  serviceArea: '港口区沙潭江街道',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  value: '120,000.50',
  milestones: '1',
  'milestone-0-name': '全部',
  'milestone-0-dueDate': '2026-06-30',
  'milestone-0-amount': '¥120000.5',
  'milestone-0-condition': '',
  posts: '1',
  'post-0-title': '一线社工',
  'post-0-role': 'frontline',
  'post-0-certLevel': 'assistant',
  'post-0-ftePercent': '50',
  'post-0-months': '12',
  'post-0-monthlyPay': '3199.99',
  'post-0-personId': '',
  'line-personnel': '100000',
  'line-supervision': '0',
  'line-activities': '12001.5',
  'line-management': '8000',
  'line-tax': '0',
  'line-other': '0',
  items: '1',
  'item-0-line': 'activities',
  'item-0-category': '活动物料',
  'item-0-unitPrice': '2000.25',
  'item-0-unit': '场',
  'item-0-quantity': '6',
  'item-0-note': '',
};

const values = (overrides: Record<string, string | string[]> = {}): EditorValues =>
  readValues(posted({ ...GOOD, ...overrides }));

describe('the contract editor form', () => {
  it('reads dates typed with slashes or in Chinese as a date picker would post them (issue 10, point 8)', () => {
    const typed = values({ startDate: '2026/1/1', endDate: '2026年12月31日', 'milestone-0-dueDate': '2026.6.30' });
    const draft = draftFrom(typed, f).draft!;
    expect([draft.terms.startDate, draft.terms.endDate, draft.terms.milestones[0]?.dueDate]).toEqual([
      '2026-01-01',
      '2026-12-31',
      '2026-06-30',
    ]);
  });

  it('turns yuan into exact fen, blank pay into the floor, and keeps only known services', () => {
    const result = draftFrom(values(), f);
    expect(result.errors).toEqual([]);
    const draft = result.draft!;
    // 120,000.50 yuan = 12,000,050 fen; ¥120000.5 the same.
    expect(draft.terms.value).toBe(12_000_050);
    expect(draft.terms.milestones[0]).toEqual({ name: '全部', dueDate: '2026-06-30', amount: 12_000_050 });
    expect(draft.terms.services).toEqual(['helping_needy', 'resource_linking']);
    expect(draft.terms.stableRecurring).toBe(false);
    // 3199.99 yuan = 319,999 fen; no person named, so no personId at all.
    expect(draft.plan.posts[0]).toEqual({
      title: '一线社工',
      role: 'frontline',
      certLevel: 'assistant',
      ftePercent: 50,
      months: 12,
      monthlyPay: 319_999,
    });
    // The activities line is itemised: 6 × ¥2,000.25 = ¥12,001.50, the line as typed.
    expect(draft.plan.items[0]).toMatchObject({ unitPrice: 200_025, quantity: 6 });
    const blank = draftFrom(values({ 'post-0-monthlyPay': '' }), f);
    expect(blank.errors).toEqual([]);
    expect(blank.draft?.plan.posts[0]?.monthlyPay).toBeUndefined();
  });

  it('names the field of every error, rows prefixed with their number, in the order of the form', () => {
    const result = draftFrom(
      values({
        title: '',
        services: [],
        value: '12万',
        'post-0-months': '13',
        'post-0-ftePercent': '0',
        'line-activities': '12000',
      }),
      f,
    );
    expect(result.draft).toBeUndefined();
    expect(result.errors.map((e) => e.field)).toEqual([
      'title',
      'services',
      'value',
      'post-0-ftePercent',
      'post-0-months',
      'line-activities',
    ]);
    const by = (field: string) => result.errors.find((e) => e.field === field)!;
    // The money module's reason, after the field's label.
    expect(by('value').message).toBe('合同金额（元）：应为以元为单位的金额，如 3200.50');
    // The services' summary link lands on the first checkbox.
    expect(by('services').href).toBe('services-helping_needy');
    // 2026-01-01 … 2026-12-31 is 12 months, so 13 is refused with the term in the words.
    expect(by('post-0-months').message).toBe('岗位 1 · 月数：请输入 1 到 12（合同期限）之间的整数');
    expect(by('post-0-ftePercent').message).toBe('岗位 1 · 投入比例（%）：请输入 1 到 100 之间的整数');
    // The activities line is itemised: 6 × ¥2,000.25 = ¥12,001.50.
    expect(by('line-activities').message).toBe('活动经费：须等于其明细合计 ¥12,001.50');
    // Every message names its field (issue 10, point 2): none is a bare "请填写此项".
    expect(by('title').message).toBe('项目名称：请填写此项');
    expect(by('services').message).toBe('服务内容：请至少选择一项服务内容（P-S1）');
  });

  it('reads every amount through the money module, naming the field and its bound', () => {
    const result = draftFrom(
      values({
        'milestone-0-amount': '-5',
        'post-0-monthlyPay': '100000000.01',
        'line-tax': '1.001',
      }),
      f,
    );
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      ['milestone-0-amount', '付款节点 1：金额（元）：金额不能为负'],
      // The post's pay is bounded by the costing's schema: ¥100,000,000.00 a month.
      ['post-0-monthlyPay', '岗位 1：月薪（元）：不能超过 ¥100,000,000.00'],
      ['line-tax', '税费：金额最多两位小数（到分）'],
    ]);
  });

  it('maps draft paths and finding pointers to the inputs they concern', () => {
    expect(fieldOf('/plan/posts/0/monthlyPay')).toBe('post-0-monthlyPay');
    expect(fieldOf(['plan', 'posts', 3, 'months'])).toBe('post-3-months');
    expect(fieldOf('/plan/lines/personnel')).toBe('line-personnel');
    expect(fieldOf('/plan/items/1/unitPrice')).toBe('item-1-unitPrice');
    expect(fieldOf('/terms/value')).toBe('value');
    expect(fieldOf('/terms/milestones')).toBe('milestones');
    expect(fieldOf('/terms/milestones/2/dueDate')).toBe('milestone-2-dueDate');
    expect(fieldOf(['terms', 'purchaser', 'region'])).toBe('purchaserRegion');
    expect(fieldOf('/effectiveDate')).toBe('effectiveDate');
  });

  it('adds and removes rows by the button pressed, and reads the stable mark as a checkbox', () => {
    expect(actionOf('add:post')).toEqual({ kind: 'add', list: 'post' });
    expect(actionOf('remove:milestone:0')).toEqual({ kind: 'remove', list: 'milestone', index: 0 });
    expect(actionOf('recalculate')).toEqual({ kind: 'recalculate' });
    expect(actionOf('remove:nothing:1')).toEqual({ kind: 'save' });
    const v = values({ stableRecurring: '1' });
    expect(v.stableRecurring).toBe(true);
    const added = applyRowAction(v, { kind: 'add', list: 'post' });
    expect(added.posts).toHaveLength(2);
    expect(added.posts[1]?.monthlyPay).toBe('');
    const removed = applyRowAction(added, { kind: 'remove', list: 'post', index: 0 });
    expect(removed.posts).toHaveLength(1);
    expect(removed.posts[0]?.title).toBe('');
  });

  it('costs a contract whose names are not typed yet, but not one without a start date', () => {
    const early = values({ title: '', number: '', purchaserName: '', services: [], 'line-activities': '12001.5' });
    expect(draftFrom(early, f).draft).toBeUndefined();
    expect(costableDraft(early, f).draft?.terms.value).toBe(12_000_050);
    const undated = costableDraft({ ...early, startDate: '' }, f);
    expect(undated.draft).toBeUndefined();
    expect(undated.errors.map((e) => e.field)).toContain('startDate');
  });

  it('shows a saved draft back as typed (fen as yuan)', () => {
    const draft = draftFrom(values({ 'line-activities': '12001.5' }), f).draft!;
    const shown = valuesOf(draft);
    expect(shown.value).toBe('120000.50');
    expect(shown.posts[0]?.monthlyPay).toBe('3199.99');
    expect(shown.lines.activities).toBe('12001.50');
    expect(draftFrom(shown, f).draft).toEqual(draft);
    // And posted back as the browser would, it reads the same.
    expect(draftFrom(readValues(posted(contractFormFields(draft))), f).draft).toEqual(draft);
    expect(emptyValues('450602').purchaserRegion).toBe('450602');
  });
});
