import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Certificate, EmploymentPeriod } from '../people/person.ts';
import type { CertLevel } from '../rules/rule-set.ts';
import {
  AwardClaimAssessment,
  type AwardLedgerEntry,
  assessAwardClaim,
  historicalLedgerEntry,
  ledgerCeiling,
  ledgerTotal,
  levelGrouping,
  NewHistoricalAward,
  payableAward,
  withinLedgerCeiling,
} from './level-award.ts';
import { FANGCHENGGANG_AWARD_PARAMETERS as P } from './parameters.ts';

const AMOUNTS = P.levelAmounts; // ¥1,000 / ¥2,000 / ¥5,000 = 100 000 / 200 000 / 500 000 fen
const job: EmploymentPeriod = { employer: '港口社工', region: '450602', start: '2019-01-01', socialWork: true };
const cert = (level: Certificate['level'], obtainedOn: string, number = `${level}-${obtainedOn}`): Certificate => ({
  level,
  number,
  obtainedOn,
});
const paid = (date: string, level: AwardLedgerEntry['level'], amount: number): AwardLedgerEntry => ({
  date,
  level,
  amount,
  source: 'claim',
});
const person = (certificates: Certificate[], employmentType: 'contract' | 'civil_servant' = 'contract') => ({
  employmentType,
  employment: [job],
  certificates,
});

describe('payableAward and ledgerCeiling (P-A5)', () => {
  it('pays the award of the highest level less everything paid, never below zero', () => {
    expect(payableAward('senior', 1_000_00, AMOUNTS)).toBe(4_000_00); // 5 000 − 1 000 = 4 000 yuan
    expect(payableAward('senior', 5_000_00, AMOUNTS)).toBe(0); // 5 000 − 5 000
    expect(payableAward('assistant', 2_000_00, AMOUNTS)).toBe(0); // 1 000 − 2 000 < 0 → 0
    expect(payableAward('none', 0, AMOUNTS)).toBe(0);
    expect(ledgerCeiling('social_worker', AMOUNTS)).toBe(2_000_00);
    expect(
      ledgerTotal([paid('2023-05-01', 'assistant', 1_000_00), paid('2024-05-01', 'social_worker', 1_000_00)]),
    ).toBe(2_000_00);
  });

  it('lets the store record a payment only within the ceiling', () => {
    expect(withinLedgerCeiling(1_000_00, 4_000_00, 'senior', AMOUNTS)).toBe(true); // 1 000 + 4 000 = 5 000 ≤ 5 000
    expect(withinLedgerCeiling(1_000_00, 4_000_01, 'senior', AMOUNTS)).toBe(false); // one fen over
    expect(withinLedgerCeiling(0, 0, 'senior', AMOUNTS)).toBe(false); // nothing to record
  });

  it('property: successive claims up the levels total the award of the highest level, never more', () => {
    const level = fc.constantFrom<CertLevel>('none', 'assistant', 'social_worker', 'senior');
    fc.assert(
      fc.property(fc.array(level, { maxLength: 8 }), (levels) => {
        let total = 0;
        let highest: CertLevel = 'none';
        const rank = ['none', 'assistant', 'social_worker', 'senior'];
        for (const l of levels) {
          if (rank.indexOf(l) > rank.indexOf(highest)) highest = l;
          const pay = payableAward(highest, total, AMOUNTS);
          expect(pay).toBeGreaterThanOrEqual(0);
          if (pay > 0) expect(withinLedgerCeiling(total, pay, highest, AMOUNTS)).toBe(true);
          total += pay;
          expect(total).toBe(ledgerCeiling(highest, AMOUNTS));
        }
      }),
    );
  });
});

describe('levelGrouping (P-A4)', () => {
  it('splits the certificates held on the claim date at the cut year', () => {
    const g = levelGrouping(
      [cert('social_worker', '2024-06-01'), cert('assistant', '2021-06-01'), cert('senior', '2027-01-01')],
      '2025-01-01',
      2022,
    );
    expect(g.legacy.map((c) => c.level)).toEqual(['assistant']);
    expect(g.later.map((c) => c.level)).toEqual(['social_worker']); // senior 2027 is not yet held
    expect(g).toMatchObject({ legacyHighest: 'assistant', highest: 'social_worker', cutoffYear: 2022 });
  });

  it('puts a certificate of 31 December 2022 before the cut and one of 1 January 2023 after', () => {
    const g = levelGrouping([cert('assistant', '2022-12-31'), cert('social_worker', '2023-01-01')], '2023-06-01', 2022);
    expect(g.legacy.map((c) => c.obtainedOn)).toEqual(['2022-12-31']);
    expect(g.later.map((c) => c.obtainedOn)).toEqual(['2023-01-01']);
  });
});

describe('assessAwardClaim (P-A2 … P-A6)', () => {
  it('assistant 2021 + social worker 2024, nothing paid: one award at the highest, 2 000', () => {
    // P-A5: award(social_worker) 2 000 − paid 0 = 2 000 yuan (not 1 000 + 2 000: the total is capped).
    const a = assessAwardClaim(
      {
        person: person([cert('assistant', '2021-03-01'), cert('social_worker', '2024-09-01')]),
        ledger: [],
        claimDate: '2025-01-10',
      },
      P,
    );
    expect(a).toMatchObject({ eligible: true, amount: 2_000_00, refusedBy: [] });
    expect(AwardClaimAssessment.parse(a)).toEqual(a);
  });

  it('assistant 2021 paid 1 000 in 2023, social worker 2024: the difference, 1 000', () => {
    // 2 000 − 1 000 = 1 000 yuan.
    const a = assessAwardClaim(
      {
        person: person([cert('assistant', '2021-03-01'), cert('social_worker', '2024-09-01')]),
        ledger: [paid('2023-04-01', 'assistant', 1_000_00)],
        claimDate: '2025-01-10',
      },
      P,
    );
    expect(a.amount).toBe(1_000_00);
  });

  it('both certificates before the cut: one award at the highest (2 000), not one per level', () => {
    const a = assessAwardClaim(
      {
        person: person([cert('assistant', '2019-03-01'), cert('social_worker', '2021-09-01')]),
        ledger: [],
        claimDate: '2023-01-10',
      },
      P,
    );
    expect(a.amount).toBe(2_000_00);
    expect(a.reasons.find((r) => r.code === 'levels')).toMatchObject({
      grouping: { legacyHighest: 'social_worker', later: [] },
    });
  });

  it('paid 1 000 in 2023, senior in 2026: 4 000', () => {
    // 5 000 − 1 000 = 4 000 yuan.
    const a = assessAwardClaim(
      {
        person: person([cert('assistant', '2023-01-15'), cert('senior', '2026-05-01')]),
        ledger: [paid('2023-06-01', 'assistant', 1_000_00)],
        claimDate: '2026-06-01',
      },
      P,
    );
    expect(a).toMatchObject({ eligible: true, amount: 4_000_00 });
    expect(a.reasons.find((r) => r.code === 'difference')).toMatchObject({
      ruleId: 'P-A5',
      awardOfHighest: 5_000_00,
      paidSoFar: 1_000_00,
      payable: 4_000_00,
    });
  });

  it('a ledger that already reaches the senior amount pays 0 and is refused with P-A5', () => {
    // 5 000 − (1 000 + 1 000 + 3 000) = 0.
    const a = assessAwardClaim(
      {
        person: person([
          cert('assistant', '2023-01-15'),
          cert('social_worker', '2024-01-15'),
          cert('senior', '2026-05-01'),
        ]),
        ledger: [
          paid('2023-06-01', 'assistant', 1_000_00),
          paid('2024-06-01', 'social_worker', 1_000_00),
          { ...paid('2026-06-01', 'senior', 3_000_00), source: 'historical' },
        ],
        claimDate: '2026-07-01',
      },
      P,
    );
    expect(a).toMatchObject({ eligible: false, amount: 0, refusedBy: ['P-A5'] });
  });

  it('a claim for the same level again pays 0 (never twice, also across organisations)', () => {
    const a = assessAwardClaim(
      {
        person: person([cert('social_worker', '2023-03-01')]),
        ledger: [paid('2023-09-01', 'social_worker', 2_000_00)],
        claimDate: '2024-01-01',
      },
      P,
    );
    expect(a).toMatchObject({ eligible: false, amount: 0, refusedBy: ['P-A5'] });
  });

  it('refuses a civil servant on active establishment with P-A6 (and only where the rule set excludes them)', () => {
    const facts = {
      person: person([cert('assistant', '2023-03-01')], 'civil_servant'),
      ledger: [],
      claimDate: '2024-01-01',
    };
    expect(assessAwardClaim(facts, P)).toMatchObject({ eligible: false, amount: 0, refusedBy: ['P-A6'] });
    expect(assessAwardClaim(facts, { ...P, excludeCivilServants: false })).toMatchObject({
      eligible: true,
      amount: 1_000_00,
    });
  });

  it('refuses with P-A3 when the run is under two years, and says so beside the amount it would pay', () => {
    const a = assessAwardClaim(
      {
        person: { ...person([cert('assistant', '2023-03-01')]), employment: [{ ...job, start: '2023-01-02' }] },
        ledger: [],
        claimDate: '2025-01-01',
      },
      P,
    );
    // 2025-01-01 − 2 years = 2023-01-01 < 2023-01-02: one day short.
    expect(a).toMatchObject({ eligible: false, amount: 0, refusedBy: ['P-A3'] });
    expect(a.reasons.find((r) => r.code === 'difference')).toMatchObject({ payable: 1_000_00 });
  });

  it('refuses with P-A2 without a certificate held on the claim date, or when the named one is not held', () => {
    const none = assessAwardClaim(
      { person: person([cert('assistant', '2025-03-01')]), ledger: [], claimDate: '2025-02-28' },
      P,
    );
    expect(none).toMatchObject({ eligible: false, refusedBy: ['P-A2', 'P-A5'] });
    const named = assessAwardClaim(
      {
        person: person([cert('assistant', '2023-03-01', 'A-1')]),
        ledger: [],
        claimDate: '2025-02-28',
        certificateNumber: 'B-2',
      },
      P,
    );
    expect(named).toMatchObject({ eligible: false, refusedBy: ['P-A2'] });
    const held = assessAwardClaim(
      {
        person: person([cert('assistant', '2023-03-01', 'A-1')]),
        ledger: [],
        claimDate: '2025-02-28',
        certificateNumber: 'A-1',
      },
      P,
    );
    expect(held).toMatchObject({ eligible: true, amount: 1_000_00 });
  });

  it('reports every failing rule at once', () => {
    const a = assessAwardClaim(
      { person: { ...person([], 'civil_servant'), employment: [] }, ledger: [], claimDate: '2025-01-01' },
      P,
    );
    expect(a.refusedBy).toEqual(['P-A6', 'P-A3', 'P-A2', 'P-A5']);
  });
});

describe('historical awards (paid before the product)', () => {
  it('need a reference, and enter the ledger as historical so the difference counts them', () => {
    const input = { date: '2019-11-01', level: 'assistant', amount: 1_000_00 };
    expect(NewHistoricalAward.safeParse(input).success).toBe(false);
    const entry = historicalLedgerEntry(NewHistoricalAward.parse({ ...input, reference: '防民发〔2019〕12号' }));
    expect(entry.source).toBe('historical');
    // Paid 1 000 in 2019; social worker in 2024: 2 000 − 1 000 = 1 000.
    const a = assessAwardClaim(
      {
        person: person([cert('assistant', '2019-06-01'), cert('social_worker', '2024-06-01')]),
        ledger: [entry],
        claimDate: '2024-07-01',
      },
      P,
    );
    expect(a.amount).toBe(1_000_00);
  });
});
