import { isolationMatrix } from './matrix.ts';

/**
 * The isolation matrix (matrix.ts): tenant B with tenant A's ids and searches for A's records, and
 * the platform's routes with ids that are no tenant's.
 */
await isolationMatrix('isolation-tenants', ['crossTenant', 'searches', 'platformIds']);
