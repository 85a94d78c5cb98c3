import { describe, expect, it } from 'vitest';
import { FANGCHENGGANG_2023 } from '../rules/fangchenggang.ts';
import { costPost, Post } from './post.ts';
import { COSTING_RULES as RULES } from './test-fixtures.ts';

/**
 * COSTING.md steps 1–5 with the test rule set (test-fixtures.ts): SI rates 1600 / 800 / 50 / 25 /
 * 10 bp on a base of ¥3,000 … ¥10,000; HF 500 bp on ¥2,500 … ¥12,000.
 */
describe('costPost: one post at the floor', () => {
  it('costs a full-time social worker at the ¥4,000 floor for 12 months', () => {
    // G = payFloor.social_worker = 400 000 (P-W3); siBase = min(max(400 000, 300 000), 1 000 000) = 400 000
    // pension 400 000 × 1600 / 10 000 = 64 000; medical × 800 = 32 000; unemployment × 50 = 2 000;
    // work injury × 25 = 1 000; maternity × 10 = 400 → SI = 99 400
    // hfBase = 400 000; HF = 400 000 × 500 / 10 000 = 20 000
    // M = 400 000 + 99 400 + 20 000 = 519 400; cost = 519 400 × 100 × 12 / 100 = 6 232 800
    expect(costPost({ certLevel: 'social_worker', ftePercent: 100, months: 12 }, RULES)).toEqual({
      certLevel: 'social_worker',
      ftePercent: 100,
      months: 12,
      floor: 400_000,
      pay: 400_000,
      payFrom: 'floor',
      siBase: 400_000,
      siItems: { pension: 64_000, medical: 32_000, unemployment: 2_000, workInjury: 1_000, maternity: 400 },
      si: 99_400,
      hfBase: 400_000,
      hf: 20_000,
      monthly: 519_400,
      cost: 6_232_800,
      ruleIds: { pay: 'P-W3', siBase: 'P-W1', si: 'P-W1', hfBase: 'P-W1', hf: 'P-W1' },
    });
  });

  it('takes a given pay as G and then cites no P-W3 for it', () => {
    const cost = costPost({ certLevel: 'social_worker', ftePercent: 100, months: 12, monthlyPay: 400_000 }, RULES);
    expect(cost).toMatchObject({ pay: 400_000, payFrom: 'given', cost: 6_232_800 });
    expect(cost.ruleIds.pay).toBeUndefined();
  });

  it('uses the demo rule set of Fangchenggang the same way', () => {
    // assistant floor 320 000; siBase = max(320 000, 380 000) = 380 000:
    // 380 000 × 1600 = 60 800; × 680 = 25 840; × 50 = 1 900; × 40 = 1 520; × 0 = 0 → SI 90 060
    // hfBase 320 000 (floor 181 000) → HF 16 000; M = 320 000 + 90 060 + 16 000 = 426 060; 12 months
    // → 5 112 720
    const cost = costPost({ certLevel: 'assistant', ftePercent: 100, months: 12 }, FANGCHENGGANG_2023.parameters);
    expect(cost).toMatchObject({ siBase: 380_000, si: 90_060, hf: 16_000, monthly: 426_060, cost: 5_112_720 });
  });
});

describe('costPost: the contribution bases', () => {
  it('raises a pay under both base floors to the floors', () => {
    // G = 240 000 (given, above the none floor 200 000)
    // siBase = max(240 000, 300 000) = 300 000: 48 000 + 24 000 + 1 500 + 750 + 300 = 74 550
    // hfBase = max(240 000, 250 000) = 250 000: HF = 12 500
    // M = 240 000 + 74 550 + 12 500 = 327 050; one month full time = 327 050
    expect(costPost({ certLevel: 'none', ftePercent: 100, months: 1, monthlyPay: 240_000 }, RULES)).toMatchObject({
      pay: 240_000,
      siBase: 300_000,
      siItems: { pension: 48_000, medical: 24_000, unemployment: 1_500, workInjury: 750, maternity: 300 },
      si: 74_550,
      hfBase: 250_000,
      hf: 12_500,
      monthly: 327_050,
      cost: 327_050,
    });
  });

  it('raises a pay under the SI floor but over the HF floor only for SI', () => {
    // G = 280 000: siBase 300 000 → SI 74 550; hfBase 280 000 → HF 14 000; M = 368 550
    expect(costPost({ certLevel: 'none', ftePercent: 100, months: 1, monthlyPay: 280_000 }, RULES)).toMatchObject({
      siBase: 300_000,
      si: 74_550,
      hfBase: 280_000,
      hf: 14_000,
      monthly: 368_550,
    });
  });

  it('caps a pay over both base caps at the caps', () => {
    // G = 1 500 000; siBase = 1 000 000: 160 000 + 80 000 + 5 000 + 2 500 + 1 000 = 248 500
    // hfBase = min(1 500 000, 1 200 000) = 1 200 000: HF = 60 000
    // M = 1 500 000 + 248 500 + 60 000 = 1 808 500; 3 months full time = 5 425 500
    expect(costPost({ certLevel: 'senior', ftePercent: 100, months: 3, monthlyPay: 1_500_000 }, RULES)).toMatchObject({
      siBase: 1_000_000,
      siItems: { pension: 160_000, medical: 80_000, unemployment: 5_000, workInjury: 2_500, maternity: 1_000 },
      si: 248_500,
      hfBase: 1_200_000,
      hf: 60_000,
      monthly: 1_808_500,
      cost: 5_425_500,
    });
  });

  it('caps a pay between the two caps only for SI', () => {
    // G = 1 100 000: siBase 1 000 000 → SI 248 500; hfBase 1 100 000 (under 1 200 000) → HF 55 000
    // M = 1 100 000 + 248 500 + 55 000 = 1 403 500
    expect(costPost({ certLevel: 'senior', ftePercent: 100, months: 1, monthlyPay: 1_100_000 }, RULES)).toMatchObject({
      siBase: 1_000_000,
      si: 248_500,
      hfBase: 1_100_000,
      hf: 55_000,
      monthly: 1_403_500,
    });
  });
});

describe('costPost: part-time posts over part of the term', () => {
  it('costs a 50 % assistant for 7 of 12 months', () => {
    // G = 300 000 (floor); siBase 300 000 → SI 74 550; hfBase 300 000 → HF 15 000
    // M = 300 000 + 74 550 + 15 000 = 389 550; cost = 389 550 × 50 × 7 / 100 = 1 363 425 (exact)
    expect(costPost({ certLevel: 'assistant', ftePercent: 50, months: 7 }, RULES)).toMatchObject({
      monthly: 389_550,
      cost: 1_363_425,
    });
  });
});

describe('costPost: rounding where COSTING.md rounds', () => {
  it('rounds an SI item landing on .5 fen up (step 2)', () => {
    // G = siBase = 300 200: pension × 1600 = 48 032; medical × 800 = 24 016; unemployment × 50 = 1 501;
    // work injury 300 200 × 25 / 10 000 = 750.5 → 751; maternity × 10 = 300.2 → 300
    // SI = 48 032 + 24 016 + 1 501 + 751 + 300 = 74 600; HF = 300 200 / 20 = 15 010; M = 389 810
    expect(costPost({ certLevel: 'assistant', ftePercent: 100, months: 1, monthlyPay: 300_200 }, RULES)).toMatchObject({
      siItems: { pension: 48_032, medical: 24_016, unemployment: 1_501, workInjury: 751, maternity: 300 },
      si: 74_600,
      hf: 15_010,
      monthly: 389_810,
      cost: 389_810,
    });
  });

  it('rounds each SI item on its own, and below .5 down (step 2), and HF down below .5 (step 3)', () => {
    // G = 300 049: pension 48 007.84 → 48 008; medical 24 003.92 → 24 004; unemployment 1 500.245 → 1 500;
    // work injury 750.1225 → 750; maternity 300.049 → 300 → SI 74 562
    // HF = 300 049 × 500 / 10 000 = 15 002.45 → 15 002; M = 300 049 + 74 562 + 15 002 = 389 613
    // 1 % for 1 month: 389 613 / 100 = 3 896.13 → 3 896 (step 5 down)
    expect(costPost({ certLevel: 'assistant', ftePercent: 1, months: 1, monthlyPay: 300_049 }, RULES)).toMatchObject({
      siItems: { pension: 48_008, medical: 24_004, unemployment: 1_500, workInjury: 750, maternity: 300 },
      si: 74_562,
      hf: 15_002,
      monthly: 389_613,
      cost: 3_896,
    });
  });

  it('rounds HF landing on .5 fen up (step 3)', () => {
    // G = 300 010: HF = 300 010 / 20 = 15 000.5 → 15 001
    expect(costPost({ certLevel: 'assistant', ftePercent: 100, months: 1, monthlyPay: 300_010 }, RULES).hf).toBe(
      15_001,
    );
  });

  it('rounds the post cost half-up (step 5)', () => {
    // M = 389 550 (assistant at the floor); 33 % for 7 months: 389 550 × 33 × 7 = 89 986 050,
    // / 100 = 899 860.5 → 899 861
    expect(costPost({ certLevel: 'assistant', ftePercent: 33, months: 7 }, RULES).cost).toBe(899_861);
  });
});

describe('the Post schema', () => {
  it('accepts a post without pay and one with it', () => {
    expect(Post.parse({ certLevel: 'none', ftePercent: 100, months: 12 })).toEqual({
      certLevel: 'none',
      ftePercent: 100,
      months: 12,
    });
    expect(Post.safeParse({ certLevel: 'senior', ftePercent: 1, months: 120, monthlyPay: 0 }).success).toBe(true);
  });

  it.each([
    [
      { certLevel: 'expert', ftePercent: 100, months: 12 },
      'certLevel',
      'must be one of none, assistant, social_worker, senior',
    ],
    [{ certLevel: 'none', ftePercent: 0, months: 12 }, 'ftePercent', 'must be at least 1 %'],
    [{ certLevel: 'none', ftePercent: 101, months: 12 }, 'ftePercent', 'cannot exceed 100 %'],
    [{ certLevel: 'none', ftePercent: 50.5, months: 12 }, 'ftePercent', 'must be a whole percent'],
    [{ certLevel: 'none', ftePercent: 100, months: 0 }, 'months', 'must be at least 1 month'],
    [{ certLevel: 'none', ftePercent: 100, months: 1.5 }, 'months', 'must be whole months'],
    [{ certLevel: 'none', ftePercent: 100, months: 12, monthlyPay: 3000.5 }, 'monthlyPay', 'must be whole fen'],
    [{ certLevel: 'none', ftePercent: 100, months: 12, monthlyPay: -1 }, 'monthlyPay', 'cannot be negative'],
  ])('refuses %j at %s: %s', (input, field, message) => {
    const result = Post.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [field], message })]);
  });

  it('refuses an unknown field (strict)', () => {
    expect(Post.safeParse({ certLevel: 'none', ftePercent: 100, months: 12, person: 'x' }).success).toBe(false);
  });
});
