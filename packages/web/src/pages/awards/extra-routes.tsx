import {
  EXAM_COST_KEEPERS,
  examCostFile,
  INTERNSHIP_BUREAU_READERS,
  INTERNSHIP_DECIDERS,
  INTERNSHIP_KEEPERS,
  INTERNSHIP_READERS,
  OWN_RECOGNITION_READERS,
  RECOGNITION_READERS,
  RECOGNITION_RECORDERS,
} from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { xlsxDownload } from '../../layout/download.ts';
import { pageAccess } from '../../session/access.ts';
import {
  BUREAU_INTERNSHIPS_PAGE,
  bureauDecisionPosted,
  bureauInternshipClaimGet,
  bureauInternshipsGet,
  bureauPaymentPosted,
} from './bureau-internships.tsx';
import { EXAM_COSTS_PAGE, EXAM_COSTS_XLSX, examCostsGet, examCostsPosted } from './exam-costs.tsx';
import {
  INTERN_POST,
  INTERNSHIP_BASE_POST,
  INTERNSHIP_CLAIM_POST,
  INTERNSHIPS_PAGE,
  internPosted,
  internshipBasePosted,
  internshipClaimPosted,
  internshipsGet,
} from './internships.tsx';
import {
  BUREAU_RECOGNITIONS_PAGE,
  bureauRecognitionPosted,
  bureauRecognitionsGet,
  ORG_RECOGNITIONS_PAGE,
  orgRecognitionsGet,
} from './recognitions.tsx';

/**
 * The incentives' tabs beyond the level award: exam costs (P-A1), internship subsidies (P-A9) and
 * recognitions (P-A8), on the organisation's 奖励申领 and the bureau's 奖励审批.
 */
export function incentivesExtraRoutes(session: TokenSource) {
  const examKeepers = pageAccess(EXAM_COST_KEEPERS, session);
  const internReaders = pageAccess(INTERNSHIP_READERS, session);
  const internKeepers = pageAccess(INTERNSHIP_KEEPERS, session);
  const bureauReaders = pageAccess(INTERNSHIP_BUREAU_READERS, session);
  const deciders = pageAccess(INTERNSHIP_DECIDERS, session);
  const claim = `${BUREAU_INTERNSHIPS_PAGE}/:organisationId/:claimId`;
  return new Hono<PageEnv>()
    .get(EXAM_COSTS_PAGE, examKeepers, examCostsGet)
    .post(EXAM_COSTS_PAGE, examKeepers, examCostsPosted)
    .get(EXAM_COSTS_XLSX, examKeepers, async (c) => {
      const year = c.req.query('year') ?? '';
      return xlsxDownload(
        c,
        await examCostFile(c.var.ctx, c.var.lang, /^\d{4}$/.test(year) ? Number(year) : undefined),
      );
    })
    .get(INTERNSHIPS_PAGE, internReaders, internshipsGet)
    .post(INTERNSHIP_BASE_POST, internKeepers, internshipBasePosted)
    .post(INTERN_POST, internKeepers, internPosted)
    .post(INTERNSHIP_CLAIM_POST, internKeepers, internshipClaimPosted)
    .get(ORG_RECOGNITIONS_PAGE, pageAccess(OWN_RECOGNITION_READERS, session), orgRecognitionsGet)
    .get(BUREAU_INTERNSHIPS_PAGE, bureauReaders, bureauInternshipsGet)
    .get(claim, bureauReaders, bureauInternshipClaimGet)
    .post(`${claim}/decision`, deciders, bureauDecisionPosted)
    .post(`${claim}/payment`, deciders, bureauPaymentPosted)
    .get(BUREAU_RECOGNITIONS_PAGE, pageAccess(RECOGNITION_READERS, session), bureauRecognitionsGet)
    .post(BUREAU_RECOGNITIONS_PAGE, pageAccess(RECOGNITION_RECORDERS, session), bureauRecognitionPosted);
}
