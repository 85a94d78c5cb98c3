import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** Roster imports and exports (issue 3): routes added here. */
export const imports = new OpenAPIHono<AppEnv>();
