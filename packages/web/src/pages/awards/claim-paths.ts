import { BUREAU_CLAIMS, ORG_AWARDS } from './paths.ts';

/** The level-improvement claim pages' own addresses (besides the tabs in paths.ts). */
export const NEW_AWARD_CLAIM = `${ORG_AWARDS}/claims/new`;
export const AWARD_CLAIM_PREVIEW = `${ORG_AWARDS}/claims/preview`;
export const AWARD_CLAIMS_POST = `${ORG_AWARDS}/claims`;
export const AWARD_HISTORY = `${BUREAU_CLAIMS}/history`;
export const AWARD_TOTALS = `${BUREAU_CLAIMS}/totals`;
export const AWARD_TOTALS_XLSX = `${BUREAU_CLAIMS}/totals.xlsx`;
