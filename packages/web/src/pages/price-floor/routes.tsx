import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** Pages: /org/price-floor the price-floor calculator. OWNER: helper "exports". */
export function priceFloorRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
