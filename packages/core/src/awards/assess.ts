import {
  type AwardClaimAssessment,
  type AwardClaimEvidence,
  type AwardParameters,
  assessAwardClaim,
  awardParametersOf,
  type Person,
} from '@shegong/domain';
import { type Ledger, readLedger } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { type FieldProblem, NotFound, Refused } from '../refusals.ts';

/**
 * The one assessment every step of a claim makes (P-A2 … P-A6): the employer's region's rule set
 * in force on the claim date, the evidence the claim carries, and the person's ledger as it is
 * now (it may have grown since the claim was made: P-A5 then pays less, or nothing).
 */

/** The registry's facts a claim is judged on, copied onto the claim when it is made. */
export function evidenceOf(person: Person): AwardClaimEvidence {
  return {
    employmentType: person.employmentType,
    employment: person.employment.map((p) => ({ ...p })),
    certificates: person.certificates.map((c) => ({ ...c })),
  };
}

/** The award parameters of the rule set in force for `region` on `date`; NotFound without one. */
export async function awardParametersIn(
  ctx: Pick<UseCaseContext, 'store'>,
  region: string,
  date: string,
): Promise<AwardParameters> {
  const ruleSet = await ctx.store.ruleSetInForce(region, date);
  if (!ruleSet)
    throw new NotFound(`No rule set is in force for ${region} on ${date}, so no award can be assessed`, {
      reason: 'noRuleSet',
    });
  return awardParametersOf(ruleSet);
}

export interface Assessed {
  assessment: AwardClaimAssessment;
  ledger: Ledger;
  params: AwardParameters;
}

/** Assesses a claim's evidence on its claim date against the ledger as it is now. */
export async function assessClaim(
  ctx: Pick<UseCaseContext, 'store' | 'repos'>,
  claim: {
    region: string;
    claimDate: string;
    idHash: string;
    evidence: AwardClaimEvidence;
    certificateNumber?: string;
  },
): Promise<Assessed> {
  const params = await awardParametersIn(ctx, claim.region, claim.claimDate);
  // The ledger is a global guard family (keyed by an ID-card hash): the caller's own session reads it.
  const ledger = await readLedger(ctx.repos.scope, claim.idHash);
  const assessment = assessAwardClaim(
    {
      person: claim.evidence,
      // The assessment lists the entries as AwardLedgerEntry: what was paid, not who recorded it.
      ledger: ledger.entries.map(({ date, level, amount, reference, source }) => ({
        date,
        level,
        amount,
        source,
        ...(reference ? { reference } : {}),
      })),
      claimDate: claim.claimDate,
      certificateNumber: claim.certificateNumber,
    },
    params,
  );
  return { assessment, ledger, params };
}

/** What each failing reason says, for a refusal's fields (the page shows them by rule id). */
const REASON_TEXT: Record<string, string> = {
  civil_servant: 'civil servants on active establishment are excluded (P-A6)',
  continuity: 'needs an unbroken run of social-work employment in the area of the required years (P-A3)',
  certificate: 'needs a certificate held on the claim date (P-A2)',
  levels: 'the levels held (P-A4)',
  difference: 'nothing is left to pay: the award of the highest level has been paid already (P-A5)',
};

/** Refuses an ineligible claim, naming each failing rule id (nothing is written). */
export function refuseIneligible(assessment: AwardClaimAssessment, what: string): never {
  const fields: FieldProblem[] = assessment.reasons
    .filter((r) => !r.passed)
    .map((r) => ({
      path: r.code === 'certificate' && r.claimed ? '/certificateNumber' : '/personId',
      message: REASON_TEXT[r.code] ?? r.code,
      code: r.code,
      ruleId: r.ruleId,
      ...(r.code === 'difference'
        ? { amounts: { awardOfHighest: r.awardOfHighest, paidSoFar: r.paidSoFar, payable: r.payable } }
        : {}),
    }));
  throw new Refused(`${what}: not eligible under ${assessment.refusedBy.join(', ')}; nothing was changed`, {
    fields,
    reason: 'notEligible',
  });
}
