import { FANGCHENGGANG_2023 } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { bpToPercent, fenToYuan, formOf, percentToBp, readRuleSetForm, yuanToFen } from './form.ts';

describe('yuan and percent in the publish form', () => {
  it('turns yuan into whole fen exactly, with no floating-point error', () => {
    expect(yuanToFen('3200.50')).toBe(320_050);
    expect(yuanToFen('3200.5')).toBe(320_050);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('1,810')).toBe(181_000);
    expect(yuanToFen('¥20000')).toBe(2_000_000);
  });

  it('turns percent into whole basis points exactly', () => {
    expect(percentToBp('6.8')).toBe(680);
    expect(percentToBp('0.45')).toBe(45);
    expect(percentToBp('16')).toBe(1600);
    expect(percentToBp('0.57')).toBe(57); // 0.57 * 100 is 56.99999999999999 in floating point
    expect(percentToBp('100')).toBe(10_000);
  });

  it('refuses what is not a number of its unit: three decimals, negative, words', () => {
    for (const text of ['3200.505', '-1', 'abc', '', '1e3']) expect(yuanToFen(text)).toBeUndefined();
    for (const text of ['6.805', '-1', '1000', '']) expect(percentToBp(text)).toBeUndefined();
  });

  it('shows stored values back as the form reads them', () => {
    expect(fenToYuan(320_050)).toBe('3200.50');
    expect(fenToYuan(240_000)).toBe('2400');
    expect(bpToPercent(680)).toBe('6.8');
    expect(bpToPercent(45)).toBe('0.45');
    expect(bpToPercent(1600)).toBe('16');
  });

  it('reads back exactly what it prefilled (a round trip changes no value)', () => {
    const form = formOf(FANGCHENGGANG_2023, '2026-01-01');
    form.values.title = FANGCHENGGANG_2023.title;
    const read = readRuleSetForm(form);
    expect(read.ok && read.input.parameters).toEqual(FANGCHENGGANG_2023.parameters);
  });

  it('names an unreadable value and a value out of range by their parameter paths', () => {
    const form = formOf(FANGCHENGGANG_2023, '2026-01-01');
    form.values.title = '测试';
    form.values['payFloor.senior'] = 'lots';
    form.values['socialInsurance.pension'] = '100.01'; // 10001 bp: above 100 %
    const read = readRuleSetForm(form);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.unreadable).toEqual([{ field: 'payFloor.senior', why: 'money' }]);
    expect(read.issues.map((i) => i.field)).toEqual(['socialInsurance.pension']);
  });
});
