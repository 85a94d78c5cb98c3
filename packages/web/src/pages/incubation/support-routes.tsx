import { INCUBATION_STAFF } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { pageAccess } from '../../session/access.ts';
import { graduatePosted, milestonePosted, milestonesGet, undoPosted } from './milestones.tsx';
import { INCUBATED } from './paths.ts';
import { supportGet, supportPosted } from './support.tsx';
import { TEMPLATE_PAGE, templateGet, templatePosted } from './template.tsx';

/**
 * The base's pages of support given, milestones and graduation (one organisation's record tabs),
 * and its template: for its admin and operators (INCUBATION_STAFF).
 */
export function incubationSupportRoutes(session: TokenSource) {
  const staff = pageAccess(INCUBATION_STAFF, session);
  const record = `${INCUBATED}/:incubationId`;
  return new Hono<PageEnv>()
    .get(TEMPLATE_PAGE, staff, templateGet)
    .post(TEMPLATE_PAGE, staff, templatePosted)
    .get(`${record}/support`, staff, supportGet)
    .post(`${record}/support`, staff, supportPosted)
    .get(`${record}/milestones`, staff, milestonesGet)
    .post(`${record}/graduate`, staff, graduatePosted)
    .post(`${record}/milestones/:milestoneId`, staff, milestonePosted)
    .post(`${record}/milestones/:milestoneId/undo`, staff, undoPosted);
}
