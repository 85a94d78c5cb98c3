import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** Pages: /org/contracts list, new, contract (versions), staffing & budget editor with live recosting, amendments, status. OWNER: helper "contracts". */
export function contractRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
