/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { bureauTargets, NotFound, TARGET_READERS, targetsFile } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { xlsxDownload } from '../../layout/download.ts';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { TargetsPage, TargetsPrint } from './pages.tsx';
import { TARGETS, TARGETS_PRINT, TARGETS_XLSX } from './paths.ts';

/** A county's code in an address; anything else is no county of the bureau's (404, like another city's). */
function countyOf(text: string): string {
  if (!/^\d{6}$/.test(text)) throw new NotFound('County not found');
  return text;
}

/** The bureau's targets (目标进度): the dashboard, a county's page, the printable view and the xlsx. */
export function targetRoutes(session: TokenSource) {
  const readers = pageAccess(TARGET_READERS, session);
  return new Hono<PageEnv>()
    .get(TARGETS, readers, async (c) => {
      const [who, overview] = await Promise.all([signedIn(c), bureauTargets(c.var.ctx)]);
      return render(c, <TargetsPage c={c} who={who} overview={overview} />);
    })
    .get(TARGETS_XLSX, readers, async (c) => xlsxDownload(c, await targetsFile(c.var.ctx, c.var.lang)))
    .get(TARGETS_PRINT, readers, async (c) => {
      const [who, overview] = await Promise.all([signedIn(c), bureauTargets(c.var.ctx)]);
      return render(c, <TargetsPrint c={c} who={who} overview={overview} />);
    })
    .get(`${TARGETS}/counties/:county`, readers, async (c) => {
      const county = countyOf(c.req.param('county') ?? '');
      const [who, overview] = await Promise.all([signedIn(c), bureauTargets(c.var.ctx, county)]);
      return render(c, <TargetsPage c={c} who={who} overview={overview} county={county} />);
    });
}
