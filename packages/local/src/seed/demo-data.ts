import type { UUID } from 'node:crypto';
import { ROLES_BY_KIND, type Role, type TenantKind, usccCheckCharacter } from '@shegong/domain';
import { GetCommand, keys, type Store } from '@shegong/store';

/** The one password of every demo sign-in (shown on the local sign-in page and in the README). */
export const DEMO_PASSWORD = 'Shegong-Demo-2026';

export interface DemoTenant {
  /** Fixed, so links and bookmarks into the demo data stay valid across fresh starts. */
  id: UUID;
  kind: TenantKind;
  name: string;
  nameEn: string;
  region: string;
  uscc?: string;
  /** The e-mail domain of its demo users. */
  domain: string;
  /** One person per role of the tenant's kind (a base: admin and operator, see DEMO_USERS). */
  people: Partial<Record<Role, string>>;
}

/** A unified social credit code for a social-service organisation (民办非企业单位, 52) in a region. */
function orgUscc(region: string, organisationCode: string): string {
  const first17 = `52${region}${organisationCode}`;
  const check = usccCheckCharacter(first17);
  if (!check) throw new Error(`not a valid code body: ${first17}`);
  return `${first17}${check}`;
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    id: '55bbe822-a803-408a-95dc-bf8603fc32a6',
    kind: 'platform',
    name: '社工平台运营方',
    nameEn: 'Shegong Platform',
    region: '450000',
    domain: 'shegong.demo',
    people: { platform_admin: '周建国' },
  },
  {
    id: '36509d3c-b70c-4b2e-a6d0-a7dab538a357',
    kind: 'bureau',
    name: '防城港市民政局',
    nameEn: 'Fangchenggang City Civil Affairs Bureau',
    region: '450600',
    domain: 'fcg-mzj.demo',
    people: { admin: '黄志强', auditor: '李秀梅', reviewer: '陈卫东' },
  },
  {
    id: '883ab5fd-4ffc-4311-9eb5-5c50647d7fc6',
    kind: 'bureau',
    name: '东兴市民政局',
    nameEn: 'Dongxing Civil Affairs Bureau',
    region: '450681',
    domain: 'dx-mzj.demo',
    people: { admin: '韦丽华', auditor: '覃明', reviewer: '农海燕' },
  },
  {
    id: '22f6b07c-39f8-4d18-912c-e87150319d54',
    kind: 'incubator',
    name: '防城港市社会组织孵化基地',
    nameEn: 'Fangchenggang Social Organisation Incubation Base',
    region: '450600',
    domain: 'fcg-fuhua.demo',
    people: { admin: '梁晓东', operator: '莫小红' },
  },
  {
    id: '4d00e34e-9993-40dc-b496-77baaf250f1d',
    kind: 'org',
    name: '港口区阳光社会工作服务中心',
    nameEn: 'Gangkou Yangguang Social Work Service Centre',
    region: '450602',
    uscc: orgUscc('450602', 'MJ4Y3K7N0'),
    domain: 'yangguang.demo',
    people: { admin: '林芳', finance: '王磊', project_manager: '张静', hr: '刘洋', staff: '蒙丽' },
  },
  {
    id: '0e2f4a56-de5d-4f54-8322-9f0e0c17e48f',
    kind: 'org',
    name: '东兴市同心社会工作服务中心',
    nameEn: 'Dongxing Tongxin Social Work Service Centre',
    region: '450681',
    uscc: orgUscc('450681', 'MJ5R8H2C1'),
    domain: 'tongxin.demo',
    people: { admin: '黎志华', finance: '潘晓玲', project_manager: '吴海波', hr: '何丽娟', staff: '陆小龙' },
  },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  tenant: DemoTenant;
}

/** The part of an e-mail address before the @, by role (`pm@`, not `project_manager@`). */
const MAILBOX: Record<Role, string> = {
  platform_admin: 'platform',
  admin: 'admin',
  auditor: 'auditor',
  reviewer: 'reviewer',
  operator: 'operator',
  finance: 'finance',
  project_manager: 'pm',
  hr: 'hr',
  staff: 'staff',
};

/**
 * Every demo sign-in: one per role of each tenant's kind, in the order of ROLES_BY_KIND. The
 * incubation base is the exception: it holds the organisation's project roles for its own
 * contracts (P-I1, domain tenancy/tenant.ts), and in the demo its admin does that work, as at a
 * small base, so it names people for admin and operator only.
 */
export const DEMO_USERS: readonly DemoUser[] = DEMO_TENANTS.flatMap((tenant) =>
  (ROLES_BY_KIND[tenant.kind] as readonly Role[])
    .filter((role) => tenant.kind !== 'incubator' || tenant.people[role])
    .map((role) => {
      const name = tenant.people[role];
      if (!name) throw new Error(`demo tenant ${tenant.name} has no person for the role ${role}`);
      return { email: `${MAILBOX[role]}@${tenant.domain}`, name, role, tenant };
    }),
);

/** The first organisation also has an invitation waiting, so its invitation list is not empty. */
export const DEMO_INVITATION = {
  tenant: DEMO_TENANTS[4] as DemoTenant,
  email: 'newcomer@yangguang.demo',
  roles: ['staff'] as Role[],
};

/** A demo tenant's admin's user id (the sign-in's subject), so histories show who did what; 'seed' before the users exist. */
export function adminOf(store: Store, tenant: DemoTenant): Promise<string> {
  return userOf(store, `admin@${tenant.domain}`);
}

/** A demo sign-in's user id, by its e-mail; 'seed' before the users exist. */
export async function userOf(store: Store, email: string): Promise<string> {
  const { Item } = await store.client.send(new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(email) }));
  return typeof Item?.userId === 'string' ? Item.userId : 'seed';
}
