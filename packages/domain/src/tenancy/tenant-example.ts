import type { NewTenant } from './schemas.ts';

/**
 * A county bureau the platform creates: the API's example of a new tenant and the schema tests'
 * valid bureau. Demo data: nothing in the product may depend on it.
 */
export const NEW_BUREAU_EXAMPLE = {
  kind: 'bureau',
  name: '上思县民政局',
  nameEn: 'Shangsi County Civil Affairs Bureau',
  region: '450621',
  adminEmail: 'admin@shangsi.example.cn',
} as const satisfies NewTenant;
