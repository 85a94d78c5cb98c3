import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountAboveText,
  amountProblemText,
  amountRefusalText,
  bpToPercent,
  fenToYuan,
  formatMoney,
  formatPercent,
  hoursToTenths,
  MAX_YUAN_DIGITS,
  percentToBp,
  readAmount,
  tenthsToHours,
  yuanToFen,
} from './money.ts';

/** The largest amount of fen the digit limit allows: 99,999,999,999.99 yuan. */
const MAX_FEN = 10 ** (MAX_YUAN_DIGITS + 2) - 1;
const fen = fc.integer({ min: 0, max: MAX_FEN });

describe('yuanToFen', () => {
  it('reads yuan exactly, the way people type them', () => {
    expect(yuanToFen('3200')).toEqual({ ok: true, value: 320000 });
    expect(yuanToFen('3200.5')).toEqual({ ok: true, value: 320050 });
    expect(yuanToFen('3,199.99')).toEqual({ ok: true, value: 319999 });
    expect(yuanToFen(' ¥3,200.50 ')).toEqual({ ok: true, value: 320050 });
    expect(yuanToFen('￥３２００．５０')).toEqual({ ok: true, value: 320050 });
    expect(yuanToFen('3200，00元')).toEqual({ ok: true, value: 32000000 });
    expect(yuanToFen('0.07')).toEqual({ ok: true, value: 7 });
    expect(yuanToFen('.5')).toEqual({ ok: true, value: 50 });
    expect(yuanToFen('12.30')).toEqual({ ok: true, value: 1230 });
    expect(yuanToFen('0.10')).toEqual({ ok: true, value: 10 });
  });

  it('never rounds: a third decimal is refused unless it is zero', () => {
    expect(yuanToFen('0.105')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(yuanToFen('1.100')).toEqual({ ok: true, value: 110 });
  });

  it('says why a text is not an amount', () => {
    expect(yuanToFen('')).toEqual({ ok: false, problem: 'empty' });
    expect(yuanToFen('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(yuanToFen('abc')).toEqual({ ok: false, problem: 'notANumber' });
    expect(yuanToFen('1e5')).toEqual({ ok: false, problem: 'notANumber' });
    expect(yuanToFen('.')).toEqual({ ok: false, problem: 'notANumber' });
    expect(yuanToFen('1.2.3')).toEqual({ ok: false, problem: 'notANumber' });
    expect(yuanToFen('-5')).toEqual({ ok: false, problem: 'negative' });
    expect(yuanToFen('-0')).toEqual({ ok: true, value: 0 });
    expect(yuanToFen('1'.repeat(MAX_YUAN_DIGITS + 1))).toEqual({ ok: false, problem: 'tooLarge' });
    expect(yuanToFen(`00${'9'.repeat(MAX_YUAN_DIGITS)}.99`)).toEqual({ ok: true, value: MAX_FEN });
  });

  it('reads back every amount it writes, in a field and on a page', () => {
    fc.assert(
      fc.property(fen, (x) => {
        expect(yuanToFen(fenToYuan(x))).toEqual({ ok: true, value: x });
        expect(yuanToFen(formatMoney(x))).toEqual({ ok: true, value: x });
      }),
    );
  });
});

describe('fenToYuan and formatMoney', () => {
  it('write whole yuan bare in a field, and two decimals otherwise', () => {
    expect(fenToYuan(320000)).toBe('3200');
    expect(fenToYuan(319999)).toBe('3199.99');
    expect(fenToYuan(320050)).toBe('3200.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-250)).toBe('-2.50');
  });

  it('show money with thousands separators', () => {
    expect(formatMoney(1234567)).toBe('¥12,345.67');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(100000000)).toBe('¥1,000,000.00');
    expect(formatMoney(-250)).toBe('-¥2.50');
    expect(formatMoney(MAX_FEN)).toBe('¥99,999,999,999.99');
  });

  it('refuse fractions of a fen', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(0.1)).toThrow(RangeError);
  });
});

describe('percentToBp and bpToPercent', () => {
  it('read percentages exactly, up to 100 %', () => {
    expect(percentToBp('6.8')).toEqual({ ok: true, value: 680 });
    expect(percentToBp('8.25%')).toEqual({ ok: true, value: 825 });
    expect(percentToBp('７０％')).toEqual({ ok: true, value: 7000 });
    expect(percentToBp('100')).toEqual({ ok: true, value: 10_000 });
    expect(percentToBp('100.01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(percentToBp('1000')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(percentToBp('6.125')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(percentToBp('-1')).toEqual({ ok: false, problem: 'negative' });
  });

  it('write percentages without trailing zeros', () => {
    expect(bpToPercent(680)).toBe('6.8');
    expect(bpToPercent(1600)).toBe('16');
    expect(bpToPercent(45)).toBe('0.45');
    expect(formatPercent(7000)).toBe('70%');
    expect(formatPercent(650)).toBe('6.5%');
  });

  it('read back every rate it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(percentToBp(bpToPercent(bp))).toEqual({ ok: true, value: bp });
        expect(percentToBp(formatPercent(bp))).toEqual({ ok: true, value: bp });
      }),
    );
  });
});

describe('hours', () => {
  it('keep hours in tenths, exactly', () => {
    expect(hoursToTenths('2.5')).toEqual({ ok: true, value: 25 });
    expect(hoursToTenths('50')).toEqual({ ok: true, value: 500 });
    expect(hoursToTenths('2.55')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(tenthsToHours(125)).toBe('12.5');
    expect(tenthsToHours(500)).toBe('50');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (t) => {
        expect(hoursToTenths(tenthsToHours(t))).toEqual({ ok: true, value: t });
      }),
    );
  });
});

describe('amountProblemText', () => {
  it('says each problem in both languages', () => {
    for (const kind of ['yuan', 'percent', 'hours'] as const)
      for (const problem of ['empty', 'notANumber', 'negative', 'tooManyDecimals', 'tooLarge'] as const) {
        expect(amountProblemText(kind, problem, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        expect(amountProblemText(kind, problem, 'en')).toMatch(/^[ -~]+$/);
      }
  });
});

describe('amountAboveText', () => {
  it('names a field’s bound as the pages show it, in both languages', () => {
    expect(amountAboveText('yuan', 10_000_000, 'zh-CN')).toBe('不能超过 ¥100,000.00');
    expect(amountAboveText('yuan', 10_000_000, 'en')).toBe('cannot exceed ¥100,000.00');
    expect(amountAboveText('percent', 1000, 'en')).toBe('cannot exceed 10%');
    expect(amountAboveText('hours', 10_000, 'zh-CN')).toBe('不能超过 1000 学时');
    expect(amountAboveText('hours', 25, 'en')).toBe('cannot exceed 2.5 hours');
  });
});

describe('readAmount', () => {
  /** A schema's bound as zod keeps it: `z.number().max(10_000_000).maxValue`. */
  const bound = { maxValue: 10_000_000 };

  it('reads a field through its kind’s parser, exactly', () => {
    expect(readAmount('yuan', '3,200.5', bound)).toEqual({ ok: true, value: 320_050 });
    expect(readAmount('percent', '6.8%')).toEqual({ ok: true, value: 680 });
    expect(readAmount('hours', '2.5')).toEqual({ ok: true, value: 25 });
  });

  it('refuses a text with its problem, and an amount above the field’s bound with the bound', () => {
    expect(readAmount('yuan', '1.001', bound)).toEqual({ ok: false, refusal: { problem: 'tooManyDecimals' } });
    expect(readAmount('yuan', '100000', bound)).toEqual({ ok: true, value: 10_000_000 });
    expect(readAmount('yuan', '100000.01', bound)).toEqual({ ok: false, refusal: { above: 10_000_000 } });
    // A schema without a maximum bounds nothing beyond the digit limit.
    expect(readAmount('yuan', '100000.01', { maxValue: null })).toEqual({ ok: true, value: 10_000_001 });
  });

  it('words either refusal in the reader’s language', () => {
    expect(amountRefusalText('yuan', { above: 10_000_000 }, 'en')).toBe('cannot exceed ¥100,000.00');
    expect(amountRefusalText('hours', { problem: 'tooManyDecimals' }, 'zh-CN')).toBe('学时最多一位小数');
  });
});
