import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** /v1/contracts/{id}/actuals and budget-vs-actual. OWNER: helper "actuals". */
export const actuals = new OpenAPIHono<AppEnv>();
