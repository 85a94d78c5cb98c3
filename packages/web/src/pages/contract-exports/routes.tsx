import { budgetVsActualFile, CONTRACT_EXPORTERS, costingFile, NotFound } from '@shegong/core';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { xlsxDownload } from '../../layout/download.ts';
import { pageAccess } from '../../session/access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): never {
  throw new NotFound('There is nothing at this address');
}

/**
 * Pages: xlsx downloads of a contract — the costing sheet (`?version=n`, else the current version)
 * and budget against actual — in the page's language, built by the same code as the API's
 * downloads from the same stored objects.
 */
export function contractExportRoutes(session: TokenSource) {
  const members = pageAccess(CONTRACT_EXPORTERS, session);
  return new Hono<PageEnv>()
    .get('/org/contracts/:contractId/costing.xlsx', members, async (c) => {
      const contractId = c.req.param('contractId');
      const version = c.req.query('version');
      if (!UUID.test(contractId) || (version !== undefined && !/^[1-9]\d{0,3}$/.test(version))) notFound();
      const file = await costingFile(c.var.ctx, contractId, version ? Number(version) : undefined, c.var.lang);
      return xlsxDownload(c, file);
    })
    .get('/org/contracts/:contractId/budget-vs-actual.xlsx', members, async (c) => {
      const contractId = c.req.param('contractId');
      if (!UUID.test(contractId)) notFound();
      return xlsxDownload(c, await budgetVsActualFile(c.var.ctx, contractId, c.var.lang));
    });
}
