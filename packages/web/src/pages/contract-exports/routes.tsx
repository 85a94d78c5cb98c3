import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** Pages: xlsx downloads of a contract (costing sheet, budget against actual). OWNER: helper "exports". */
export function contractExportRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
