/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** The ladder editor (issue 3): levels, who qualifies for what. */
export function ladderRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
