import {
  budgetVsActualExport,
  CONTRACT_EXPORTERS,
  costingExport,
  type TokenSource,
  xlsxAttachment,
} from '@shegong/http';
import { StoreError } from '@shegong/store';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';
import { pageAccess } from '../../session/access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): never {
  throw new StoreError('not_found', 'There is nothing at this address');
}

/**
 * Pages: xlsx downloads of a contract — the costing sheet (`?version=n`, else the current version)
 * and budget against actual — in the page's language, built by the same code as the API's
 * downloads from the same stored objects. OWNER: helper "exports".
 */
export function contractExportRoutes(session: TokenSource) {
  const members = pageAccess(CONTRACT_EXPORTERS, session);
  return new Hono<PageEnv>()
    .get('/org/contracts/:contractId/costing.xlsx', members, async (c) => {
      const contractId = c.req.param('contractId');
      const version = c.req.query('version');
      if (!UUID.test(contractId) || (version !== undefined && !/^[1-9]\d{0,3}$/.test(version))) notFound();
      const file = await costingExport(c.var.repos, contractId, version ? Number(version) : undefined, c.var.lang);
      return xlsxAttachment(c, file);
    })
    .get('/org/contracts/:contractId/budget-vs-actual.xlsx', members, async (c) => {
      const contractId = c.req.param('contractId');
      if (!UUID.test(contractId)) notFound();
      return xlsxAttachment(c, await budgetVsActualExport(c.var.deps, c.var.repos, contractId, c.var.lang));
    });
}
