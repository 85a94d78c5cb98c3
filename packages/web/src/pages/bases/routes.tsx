/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { BASE_READERS, jurisdictionBaseCoverage, jurisdictionBases } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { BASES } from './paths.ts';
import { BasesPage } from './views.tsx';

/** The bases list shows this many a page. */
const PAGE_SIZE = 25;

/** A bureau's page of the incubation bases in its jurisdiction and their county coverage (P-T1). */
export function basesRoutes(session: TokenSource) {
  return new Hono<PageEnv>().get(BASES, pageAccess(BASE_READERS, session), async (c) => {
    const cursor = c.req.query('cursor');
    const [who, coverage, page] = await Promise.all([
      signedIn(c),
      jurisdictionBaseCoverage(c.var.ctx),
      jurisdictionBases(c.var.ctx, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    ]);
    return render(
      c,
      <BasesPage c={c} who={who} coverage={coverage} bases={page.items} cursor={page.cursor} paged={Boolean(cursor)} />,
    );
  });
}
