import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { amountField } from './amount.ts';

describe('an amount typed into a form field', () => {
  const bound = { maxValue: 10_000_000 };

  it('is read by the money module, exactly', () => {
    expect(amountField(zhCN, 'yuan', '¥3,200.5', { label: '月薪', bound })).toEqual({ ok: true, value: 320_050 });
  });

  it('is refused in the page’s language, after the field’s label', () => {
    const tooLong = `1${'0'.repeat(11)}`;
    expect(amountField(zhCN, 'yuan', tooLong, { label: '月薪' })).toEqual({
      ok: false,
      message: '月薪：金额过大：整数部分最多 11 位',
    });
    expect(amountField(en, 'yuan', tooLong, { label: 'Monthly pay' })).toEqual({
      ok: false,
      message: 'Monthly pay: too large: at most 11 digits before the point',
    });
    expect(amountField(en, 'yuan', '100000.01', { label: 'Monthly pay', bound })).toEqual({
      ok: false,
      message: 'Monthly pay: cannot exceed ¥100,000.00',
    });
  });
});
