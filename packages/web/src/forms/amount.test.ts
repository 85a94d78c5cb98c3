import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { amountField, amountMessage, readAmount } from './amount.ts';

describe('an amount typed into a field', () => {
  const bound = z.number().int().max(10_000_000);

  it('is read by the money module, exactly', () => {
    expect(readAmount('yuan', '3,200.5', bound)).toEqual({ ok: true, value: 320_050 });
    expect(readAmount('percent', '6.8%')).toEqual({ ok: true, value: 680 });
    expect(readAmount('hours', '2.5')).toEqual({ ok: true, value: 25 });
  });

  it('is refused with the module’s reason, or above the bound its schema holds', () => {
    expect(readAmount('yuan', '1.001', bound)).toEqual({ ok: false, refusal: { problem: 'tooManyDecimals' } });
    expect(readAmount('yuan', '100000', bound)).toEqual({ ok: true, value: 10_000_000 });
    expect(readAmount('yuan', '100000.01', bound)).toEqual({ ok: false, refusal: { above: 10_000_000 } });
    // A schema without a maximum bounds nothing beyond the module's digit limit.
    expect(readAmount('yuan', '100000.01', z.number())).toEqual({ ok: true, value: 10_000_001 });
  });

  it('is worded in the page’s language after the field’s label', () => {
    const tooLong = `1${'0'.repeat(11)}`;
    expect(amountField(zhCN, 'yuan', tooLong, { label: '月薪' })).toEqual({
      ok: false,
      message: '月薪：金额过大：整数部分最多 11 位',
    });
    expect(amountField(en, 'yuan', tooLong, { label: 'Monthly pay' })).toEqual({
      ok: false,
      message: 'Monthly pay: too large: at most 11 digits before the point',
    });
    expect(amountMessage(en, 'yuan', 'Monthly pay', { above: 10_000_000 })).toBe(
      'Monthly pay: cannot exceed ¥100,000.00',
    );
  });
});
