import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** xlsx exports of a contract: the costing sheet and budget against actual. OWNER: helper "exports". */
export const contractExports = new OpenAPIHono<AppEnv>();
