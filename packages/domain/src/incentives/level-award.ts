import { z } from 'zod';
import { certRank, highestCertificate } from '../people/certificates.ts';
import type { Certificate, EmploymentPeriod, EmploymentType } from '../people/person.ts';
import { CERT_LEVELS, CERTIFICATE_LEVELS, type CertLevel, isoDate } from '../rules/rule-set.ts';
import { plainLine } from '../text/plain-text.ts';
import { count, date, fen } from '../units/units.ts';
import { ContinuityCheck, continuityOn } from './continuity.ts';
import type { AwardParameters, LevelAmounts } from './parameters.ts';

/**
 * The level-improvement award (专业水平提升奖励, P-A2 … P-A6): what a claim pays, and why.
 *
 * How P-A4 and P-A5 combine (the reading this code implements):
 *   payable = award(highest level held on the claim date) − Σ ledger (everything paid under P-A2),
 *   never below zero (P-A5). The person's ledger therefore never totals more than the award of
 *   their highest level (ledgerCeiling).
 * P-A4 says when a claim can arise, not a second sum: certificates obtained in or before the cut
 * year (2022) count together, as one award at the highest of them; each level obtained after the
 * cut gives a new claim, which by P-A5 pays only the difference to the higher amount. So
 * "an award for each level" is never additive (1 000 + 2 000 + 5 000): in total nobody receives more
 * than the award of their highest level (P-A5's last sentence). Worked cases (Fangchenggang):
 * - assistant 2021 + social worker 2024, nothing paid: a claim in 2025 pays 2 000 − 0 = 2 000;
 *   had the assistant award been paid (1 000) in 2023, the 2025 claim pays 2 000 − 1 000 = 1 000.
 * - assistant 2020 + social worker 2021 (both ≤ 2022): one award at the highest, 2 000, not 3 000.
 * - paid 1 000 in 2023, senior in 2026: 5 000 − 1 000 = 4 000.
 * - ledger already 5 000 (or more, e.g. under an older, higher amount): 0, and the claim is refused.
 * Further choices:
 * - The ledger counts every entry, whatever its date or the level it was for (a payment recorded
 *   after the claim date was still "already paid" when the claim is paid).
 * - A claim that would pay 0 is not eligible (P-A5: nothing is left to pay), so it is never sent.
 * - Certificates obtained after the claim date are not held on it and are ignored.
 * - A claim may name the certificate it is made for; it must be held on the claim date (P-A2), and
 *   the amount is still that of the highest level held (naming a lower one cannot split the award).
 * - The store's ceiling (ledgerCeiling) is the award of the highest level held on the payment day,
 *   at the amounts in force then; the use case re-assesses at approval, so a rule-set change or a
 *   payment recorded meanwhile is taken into account.
 */

export const LEDGER_SOURCES = ['claim', 'historical'] as const;

/** One award paid to a person under P-A2: by an approved claim, or recorded from before the product. */
export const AwardLedgerEntry = z
  .strictObject({
    date: isoDate.describe('The day it was paid'),
    level: z.enum(CERTIFICATE_LEVELS).describe('The level it was paid for'),
    amount: z.number().int('must be whole fen').min(1, 'must be more than zero').max(100_000_000_00),
    reference: plainLine(z.string().trim().min(1).max(100)).optional().describe('The payment voucher or file number'),
    source: z.enum(LEDGER_SOURCES).describe('claim: paid by an approved claim; historical: paid before the product'),
  })
  .meta({ id: 'AwardLedgerEntry', description: 'An award paid to a person under P-A2 (amount in fen)' });
export type AwardLedgerEntry = z.infer<typeof AwardLedgerEntry>;

/**
 * An award paid before the product was used, as a bureau records it into the person's ledger (the
 * difference rule then counts it). The payment reference is required: it is the only trace of it.
 */
export const NewHistoricalAward = AwardLedgerEntry.omit({ source: true, reference: true })
  .extend({ reference: plainLine(z.string().trim().min(1).max(100)).describe('The payment voucher or file number') })
  .meta({ id: 'NewHistoricalAward', description: 'P-A2: an award paid before the product, recorded by a bureau' });
export type NewHistoricalAward = z.infer<typeof NewHistoricalAward>;

export function historicalLedgerEntry(award: NewHistoricalAward): AwardLedgerEntry {
  return { ...award, source: 'historical' };
}

/** P-A2: the award of a level ('none' earns nothing). */
export function levelAward(level: CertLevel, amounts: LevelAmounts): number {
  return level === 'none' ? 0 : amounts[level];
}

/** Everything paid to the person under P-A2, fen. */
export function ledgerTotal(ledger: readonly Pick<AwardLedgerEntry, 'amount'>[]): number {
  return ledger.reduce((sum, e) => sum + e.amount, 0);
}

/**
 * P-A5: the most the person's ledger may ever total: the award of the highest level held. The
 * store's condition on recording a payment mirrors it: total before + payment ≤ ledgerCeiling.
 */
export function ledgerCeiling(highest: CertLevel, amounts: LevelAmounts): number {
  return levelAward(highest, amounts);
}

/** P-A5: award of the highest level − paid so far, never below zero. */
export function payableAward(highest: CertLevel, paidSoFar: number, amounts: LevelAmounts): number {
  return Math.max(0, ledgerCeiling(highest, amounts) - paidSoFar);
}

/** Whether recording `payment` keeps the ledger within its ceiling (P-A5): what the store's condition checks. */
export function withinLedgerCeiling(paidSoFar: number, payment: number, highest: CertLevel, amounts: LevelAmounts) {
  return payment > 0 && paidSoFar + payment <= ledgerCeiling(highest, amounts);
}

const HeldCertificate = z.object({ level: z.enum(CERTIFICATE_LEVELS), number: z.string(), obtainedOn: date });

/** P-A4: the certificates held on the claim date, on either side of the cut year. */
export const LevelGrouping = z.object({
  cutoffYear: count,
  legacy: z.array(HeldCertificate).describe('Obtained in or before the cut year: one award, at the highest of them'),
  legacyHighest: z.enum(CERT_LEVELS),
  later: z.array(HeldCertificate).describe('Obtained after the cut year: each level a claim (paid as a difference)'),
  highest: z.enum(CERT_LEVELS).describe('The highest level held on the claim date'),
});
export type LevelGrouping = z.infer<typeof LevelGrouping>;

/** P-A4: groups the certificates held on `claimDate` by the cut year, oldest first. */
export function levelGrouping(
  certificates: readonly Certificate[],
  claimDate: string,
  cutoffYear: number,
): LevelGrouping {
  const held = certificates
    .filter((c) => c.obtainedOn <= claimDate)
    .map((c) => ({ level: c.level, number: c.number, obtainedOn: c.obtainedOn }))
    .sort((a, b) => (a.obtainedOn < b.obtainedOn ? -1 : a.obtainedOn > b.obtainedOn ? 1 : 0));
  const legacy = held.filter((c) => Number(c.obtainedOn.slice(0, 4)) <= cutoffYear);
  const later = held.filter((c) => Number(c.obtainedOn.slice(0, 4)) > cutoffYear);
  const top = (list: typeof held): CertLevel =>
    list.reduce<CertLevel>((h, c) => (certRank(c.level) > certRank(h) ? c.level : h), 'none');
  return { cutoffYear, legacy, legacyHighest: top(legacy), later, highest: top(held) };
}

export const AwardReason = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('civil_servant'),
    ruleId: z.literal('P-A6'),
    passed: z.boolean(),
    employmentType: z.string(),
    excluded: z.boolean().describe('Whether the rule set excludes civil servants on active establishment'),
  }),
  z.object({ code: z.literal('continuity'), ruleId: z.literal('P-A3'), passed: z.boolean(), check: ContinuityCheck }),
  z.object({
    code: z.literal('certificate'),
    ruleId: z.literal('P-A2'),
    passed: z.boolean(),
    highest: z.enum(CERT_LEVELS),
    claimed: z
      .object({ number: z.string(), held: z.boolean() })
      .optional()
      .describe('The certificate the claim names, and whether it is held on the claim date'),
  }),
  z.object({ code: z.literal('levels'), ruleId: z.literal('P-A4'), passed: z.boolean(), grouping: LevelGrouping }),
  z.object({
    code: z.literal('difference'),
    ruleId: z.literal('P-A5'),
    passed: z.boolean().describe('Something is left to pay'),
    highest: z.enum(CERT_LEVELS),
    awardOfHighest: fen.describe('P-A2 amount of the highest level held: the ledger’s ceiling'),
    paidSoFar: fen,
    payable: fen.describe('awardOfHighest − paidSoFar, never below zero'),
    entries: z.array(AwardLedgerEntry),
  }),
]);
export type AwardReason = z.infer<typeof AwardReason>;

export const AwardClaimAssessment = z
  .object({
    eligible: z.boolean(),
    amount: fen.describe('What the claim pays, fen (0 when not eligible)'),
    claimDate: date,
    refusedBy: z.array(z.string()).describe('The rule ids of the reasons that failed, in order'),
    reasons: z.array(AwardReason),
  })
  .meta({
    id: 'AwardClaimAssessment',
    description: 'A level-improvement claim checked before it is sent (P-A2 … P-A6)',
  });
export type AwardClaimAssessment = z.infer<typeof AwardClaimAssessment>;

/** What a level-improvement claim is judged on. */
export interface AwardClaimFacts {
  person: {
    employmentType: EmploymentType;
    employment: readonly EmploymentPeriod[];
    certificates: readonly Certificate[];
  };
  /** The person's award ledger: platform-wide, every organisation's payments and the historical ones. */
  ledger: readonly AwardLedgerEntry[];
  /** The day the claim is made (the checks are as of this day). */
  claimDate: string;
  /** The certificate the claim is made for, by number (optional: the claim is for the highest level held). */
  certificateNumber?: string | undefined;
}

/**
 * P-A2 … P-A6: whether a level-improvement claim is eligible and what it pays, with every reason.
 * Every check is made and reported (a refused claim says all that fails, not only the first).
 */
export function assessAwardClaim(facts: AwardClaimFacts, params: AwardParameters): AwardClaimAssessment {
  const { person, ledger, claimDate } = facts;
  const reasons: AwardReason[] = [];

  const civilServant = person.employmentType === 'civil_servant';
  reasons.push({
    code: 'civil_servant',
    ruleId: 'P-A6',
    passed: !(civilServant && params.excludeCivilServants),
    employmentType: person.employmentType,
    excluded: params.excludeCivilServants,
  });

  const check = continuityOn(person.employment, claimDate, params);
  reasons.push({ code: 'continuity', ruleId: 'P-A3', passed: check.met, check });

  const highest = highestCertificate({ certificates: [...person.certificates] }, claimDate);
  const claimedCert =
    facts.certificateNumber === undefined
      ? undefined
      : person.certificates.find((c) => c.number === facts.certificateNumber);
  const claimed =
    facts.certificateNumber === undefined
      ? undefined
      : { number: facts.certificateNumber, held: !!claimedCert && claimedCert.obtainedOn <= claimDate };
  reasons.push({
    code: 'certificate',
    ruleId: 'P-A2',
    passed: highest !== 'none' && (claimed?.held ?? true),
    highest,
    ...(claimed ? { claimed } : {}),
  });

  const grouping = levelGrouping(person.certificates, claimDate, params.legacyCutoffYear);
  // P-A4 explains how the levels count; it refuses nothing by itself (P-A2 and P-A5 do).
  reasons.push({ code: 'levels', ruleId: 'P-A4', passed: true, grouping });

  const paidSoFar = ledgerTotal(ledger);
  const payable = payableAward(highest, paidSoFar, params.levelAmounts);
  reasons.push({
    code: 'difference',
    ruleId: 'P-A5',
    passed: payable > 0,
    highest,
    awardOfHighest: ledgerCeiling(highest, params.levelAmounts),
    paidSoFar,
    payable,
    entries: [...ledger],
  });

  const refusedBy = [...new Set(reasons.filter((r) => !r.passed).map((r) => r.ruleId))];
  const eligible = refusedBy.length === 0;
  return { eligible, amount: eligible ? payable : 0, claimDate, refusedBy, reasons };
}
