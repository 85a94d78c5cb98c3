import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/** Baseline for `pnpm bench`: the smallest Hono Lambda, bundled the same way as the API. */
const app = new Hono().get('*', (c) => c.json({ hello: 'world' }));
export const handler = handle(app);
