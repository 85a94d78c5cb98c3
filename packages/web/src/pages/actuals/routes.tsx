import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** Pages: /org/contracts/:id/actuals monthly actuals entry and budget against actual with chart. OWNER: helper "actuals". */
export function actualRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
