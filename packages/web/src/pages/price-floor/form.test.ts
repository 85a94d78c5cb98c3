import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN.ts';
import { emptyRow, type PriceFloorForm, parseForm } from './form.ts';

const REGIONS = new Set(['450602']);

/** One assistant post at the floor and nothing else, with some fields typed over. */
const form = (over: Partial<PriceFloorForm> = {}, pay = ''): PriceFloorForm => ({
  region: '450602',
  startDate: '2026-01-01',
  rows: [{ ...emptyRow(), title: '社工助理', pay }],
  supervision: '',
  activities: '',
  other: '',
  managementShare: '',
  ...over,
});

const messages = (f: PriceFloorForm) => parseForm(zhCN, f, REGIONS).errors.map((e) => [e.field, e.message]);

describe('the calculator’s amounts as typed', () => {
  it('reads yuan and the management share exactly through the money module', () => {
    const { input, errors } = parseForm(
      zhCN,
      form({ supervision: '3,000.5', activities: '¥9000', managementShare: '8.25%' }, '3199.99'),
      REGIONS,
    );
    expect(errors).toEqual([]);
    expect(input?.posts[0]?.monthlyPay).toBe(319_999);
    expect(input?.fixed).toEqual({ supervision: 300_050, activities: 900_000, other: 0 });
    expect(input?.managementShare).toBe(825);
  });

  it('leaves blank pay to the floor and a blank share to the local cap', () => {
    const { input } = parseForm(zhCN, form(), REGIONS);
    expect(input?.posts[0]).not.toHaveProperty('monthlyPay');
    expect(input).not.toHaveProperty('managementShare');
  });

  it('says what is wrong with an amount beside the field, named by its label', () => {
    expect(messages(form({ other: '3200.505', managementShare: '100.01' }, '三千'))).toEqual([
      ['post-0-pay', '岗位 1：月薪（元，选填）：应为以元为单位的金额，如 3200.50'],
      ['other', '其他（元）：金额最多两位小数（到分）'],
      ['managementShare', '管理费比例（%）：不能超过 100%'],
    ]);
  });

  it('names the bound of a post’s pay (the API’s schema) in yuan', () => {
    expect(messages(form({}, '100000000.01'))).toEqual([
      ['post-0-pay', '岗位 1：月薪（元，选填）：不能超过 ¥100,000,000.00'],
    ]);
  });
});
