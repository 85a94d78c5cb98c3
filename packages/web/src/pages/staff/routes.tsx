/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TokenSource } from '@shegong/http';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';

/** The organisation's staff pages (issue 3): list with flags, a person's page. */
export function staffRoutes(_session: TokenSource) {
  return new Hono<PageEnv>();
}
