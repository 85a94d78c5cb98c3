/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** The bureau's rule-set pages (issue 3): publish a version, see the history. */
export function rulesRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
