import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** Career ladders and promotions (issue 3): routes added here. */
export const ladder = new OpenAPIHono<AppEnv>();
