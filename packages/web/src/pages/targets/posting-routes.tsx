import { POSTING_WRITERS } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { pageAccess } from '../../session/access.ts';
import { postingEndPosted, postingPosted } from './postings.tsx';

/** An organisation's hr and admin post staff to communities and end postings (the section is on the person's page). */
export function postingPageRoutes(session: TokenSource) {
  const writers = pageAccess(POSTING_WRITERS, session);
  return new Hono<PageEnv>()
    .post('/org/staff/:personId/postings', writers, postingPosted)
    .post('/org/staff/:personId/postings/:postingId/end', writers, postingEndPosted);
}
