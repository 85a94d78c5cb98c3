import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** Rule sets published by bureaus (issue 3): routes added here. */
export const ruleSets = new OpenAPIHono<AppEnv>();
