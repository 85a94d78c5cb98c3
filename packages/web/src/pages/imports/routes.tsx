/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** Roster import and exports (issue 3): template, upload, row errors, progress. */
export function importRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
