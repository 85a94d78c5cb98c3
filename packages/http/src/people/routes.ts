import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** The staff registry (issue 3): routes added here. */
export const people = new OpenAPIHono<AppEnv>();
