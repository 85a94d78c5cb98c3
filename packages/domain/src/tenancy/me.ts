import { z } from 'zod';
import { findRegion, REGION_LEVELS, Region, regionLevel } from './region.ts';
import { TenantRecord, UserRecord } from './schemas.ts';

/** Who is signed in: their user, their tenant with its region named, and the roles that count. */
export const Me = z
  .object({
    user: UserRecord.pick({ id: true, name: true, email: true }),
    tenant: TenantRecord.pick({ id: true, kind: true, name: true, nameEn: true }).extend({
      region: Region.extend({ level: z.enum(REGION_LEVELS) }),
    }),
    roles: z.array(z.string()),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** A region Shegong does not know by name is shown by its code. */
export function describeMe(user: UserRecord, tenant: TenantRecord, roles: readonly string[]): Me {
  const region = findRegion(tenant.region) ?? { code: tenant.region, zh: tenant.region, en: tenant.region };
  return {
    user: { id: user.id, name: user.name, email: user.email },
    tenant: {
      id: tenant.id,
      kind: tenant.kind,
      name: tenant.name,
      ...(tenant.nameEn ? { nameEn: tenant.nameEn } : {}),
      region: { ...region, level: regionLevel(region.code) },
    },
    roles: [...roles],
  };
}
