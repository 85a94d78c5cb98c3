import { DEFAULT_PROJECTION_TOLERANCE, type NewRuleSet, type RuleSetParameters } from './rule-set.ts';

/**
 * The demo rule sets of Fangchenggang (450600) and of its county Dongxing (450681).
 *
 * Values the seed document gives are cited by their POLICY.md id; the national defaults by N-…;
 * everything else is illustrative (the seed is silent on pay, insurance, shares and tax) and listed
 * in `illustrative`, so pages mark it 示例值. Nothing in the product may hard-wire these numbers:
 * they are demo data, published through the same route a bureau uses.
 */

/** Paths of the parameters whose values no published source gives (shown as illustrative). */
export const FANGCHENGGANG_ILLUSTRATIVE: readonly string[] = [
  'payFloor.none',
  'payFloor.assistant',
  'payFloor.social_worker',
  'payFloor.senior',
  'socialInsurance.pension',
  'socialInsurance.medical',
  'socialInsurance.unemployment',
  'socialInsurance.workInjury',
  'socialInsurance.maternity',
  'socialInsurance.baseFloor',
  'socialInsurance.baseCap',
  'housingFund.rate',
  'housingFund.baseFloor',
  'housingFund.baseCap',
  'minLabourShare',
  'maxManagementShare',
  'taxRate',
];

const FANGCHENGGANG_2023_PARAMETERS: RuleSetParameters = {
  // Actuals: a projected overrun up to 1 % of the line or ¥100, whichever is larger, is a note.
  projectionTolerance: DEFAULT_PROJECTION_TOLERANCE,
  // P-W3, illustrative: ¥2,400 / ¥3,200 / ¥3,800 / ¥4,600 a month.
  payFloor: { none: 2_400_00, assistant: 3_200_00, social_worker: 3_800_00, senior: 4_600_00 },
  // P-W1, illustrative: 16 % + 6.8 % + 0.5 % + 0.4 % + 0 %, base ¥3,800 … ¥20,000.
  socialInsurance: {
    pension: 1600,
    medical: 680,
    unemployment: 50,
    workInjury: 40,
    maternity: 0,
    baseFloor: 3_800_00,
    baseCap: 20_000_00,
  },
  // P-W1, illustrative: 5 %, base ¥1,810 … ¥25,000.
  housingFund: { rate: 500, baseFloor: 1_810_00, baseCap: 25_000_00 },
  // N-7 practice, illustrative: personnel ≥ 70 %, management ≤ 10 %; tax 3 %.
  minLabourShare: 7000,
  maxManagementShare: 1000,
  taxRate: 300,
  // P-R2: at least 50 hours a year.
  continuingEducationHoursPerYear: 50,
  awards: {
    // P-A2: ¥1,000 / ¥2,000 / ¥5,000.
    amounts: { assistant: 1_000_00, social_worker: 2_000_00, senior: 5_000_00 },
    // P-A3: 2 consecutive years in Fangchenggang (the whole city), no gap tolerated.
    continuityYears: 2,
    gapToleranceDays: 0,
    continuityRegion: '450600',
    // P-A4: certificates obtained in or before 2022 earn one award at the highest level.
    legacyCutoffYear: 2022,
    // P-A6: civil servants on active establishment are excluded.
    excludeCivilServants: true,
  },
  national: {
    // N-1: 1 year, 3 where stable.
    maxContractMonths: 12,
    maxStableContractMonths: 36,
    // N-4: valid 3 years, renewed in the 3 months before expiry, first registered within 1 year of passing.
    registrationValidityYears: 3,
    renewalWindowMonths: 3,
    firstRegistrationYears: 1,
    // N-5: 72 / 90 / 90 hours per registration period.
    cePerRegistrationPeriod: { assistant: 72, social_worker: 90, senior: 90 },
    // N-6: ≥ 90 excellent, ≥ 80 good, ≥ 60 pass; 30 % spot-checked.
    evaluationGrades: { excellent: 90, good: 80, pass: 60 },
    spotCheckShare: 3000,
  },
};

/** Fangchenggang's rule set from 2023-01-01 (the seed's exam-year rule P-A1 starts in 2023). */
export const FANGCHENGGANG_2023: NewRuleSet = {
  region: '450600',
  effectiveFrom: '2023-01-01',
  title: '防城港市社会工作人才激励保障参数（2023）',
  notes:
    '依据防城港市关于加强社会工作专业岗位开发与人才激励保障实施意见。薪酬指导标准、社会保险、住房公积金、经费比例和税率为示例值（文件未规定）。' +
    ' Values from the Fangchenggang implementation opinions; pay floors, insurance, housing fund, shares and tax are illustrative.',
  illustrative: [...FANGCHENGGANG_ILLUSTRATIVE],
  parameters: FANGCHENGGANG_2023_PARAMETERS,
};

/**
 * The correction v2 of the same date: the illustrative housing-fund base floor ¥1,810 was
 * below the insurance base floor it should match; it becomes ¥1,900.
 */
export const FANGCHENGGANG_2023_V2: NewRuleSet = {
  ...FANGCHENGGANG_2023,
  title: '防城港市社会工作人才激励保障参数（2023，更正）',
  notes:
    '更正：住房公积金缴存基数下限由 ¥1,810 改为 ¥1,900（示例值）。其余不变。' +
    ' Correction: housing-fund base floor ¥1,810 → ¥1,900 (illustrative); everything else unchanged.',
  parameters: {
    ...FANGCHENGGANG_2023_PARAMETERS,
    housingFund: { ...FANGCHENGGANG_2023_PARAMETERS.housingFund, baseFloor: 1_900_00 },
  },
};

/** Dongxing's own rule set from 2026-01-01: a higher assistant floor (¥3,500), the rest as the city's v2. */
export const DONGXING_2026: NewRuleSet = {
  region: '450681',
  effectiveFrom: '2026-01-01',
  title: '东兴市社会工作人才激励保障参数（2026）',
  notes:
    '东兴市细则：助理社会工作师薪酬指导标准提高至 ¥3,500（示例值），其余沿用防城港市参数。' +
    ' Dongxing detail rules: assistant pay floor raised to ¥3,500 (illustrative); the rest as the city.',
  illustrative: [...FANGCHENGGANG_ILLUSTRATIVE],
  parameters: {
    ...FANGCHENGGANG_2023_V2.parameters,
    payFloor: { ...FANGCHENGGANG_2023_V2.parameters.payFloor, assistant: 3_500_00 },
  },
};
