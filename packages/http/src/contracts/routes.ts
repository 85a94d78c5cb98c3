import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

/** /v1/contracts: purchase contracts, their versions, amendments, status, and the costing preview. OWNER: helper "contracts". */
export const contracts = new OpenAPIHono<AppEnv>();
