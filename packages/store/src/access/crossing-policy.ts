import { CROSS_TENANT_PATHS, type CrossTenantPath, type FamilyName, type Touches } from './cross-tenant.ts';
import { type KeyFamily, keyFamilies, TENANT } from './families.ts';
import { type DataResources, type PolicyStatementJson, READ_ACTIONS, WRITE_ACTIONS } from './policy.ts';

/**
 * The IAM of the named crossings (cross-tenant.ts), generated from their declarations, so a path's
 * code, its declaration and its IAM cannot drift:
 * - the crossing role's statements (infra/lib/data-access.ts) open, with the session's tags `tenant`
 *   (the caller) and `target`, the union of what every path declares: both tenants' declared
 *   partitions and the shared guards, never any other tenant's;
 * - each crossing's session policy (STS AssumeRole `Policy`, which IAM intersects with the role's)
 *   opens exactly what its path declares of its two tenants, with their ids written in, read or
 *   written as declared.
 */
export const TARGET = `\${aws:PrincipalTag/target}`;

/** The tag keys a crossing's session carries (the role's trust policy allows these alone). */
export const CROSSING_TAG_KEYS = ['tenant', 'target'] as const;

/** What IAM sees of a family: its exact partitions, the tenant written in as `tenant`. */
function partitionsOf(name: FamilyName, tenant: string): string[] {
  const family: KeyFamily = keyFamilies[name];
  return (family.partitions ?? family.patterns).map((p) => p.replaceAll(TENANT, tenant));
}

interface Sides {
  caller: string;
  target: string;
}

/** The read and written partitions a declaration opens, with the sides' tenants written in. */
function opened(path: CrossTenantPath, sides: Sides): { read: string[]; write: string[] } {
  const declared: { caller?: Touches; target: Touches; shared?: Touches } = CROSS_TENANT_PATHS[path];
  const read = new Set<string>();
  const write = new Set<string>();
  const add = (touches: Touches | undefined, tenant: string) => {
    for (const name of touches?.read ?? []) for (const p of partitionsOf(name, tenant)) read.add(p);
    for (const name of touches?.write ?? []) {
      for (const p of partitionsOf(name, tenant)) {
        read.add(p);
        write.add(p);
      }
    }
  };
  add(declared.caller, sides.caller);
  add(declared.target, sides.target);
  add(declared.shared, '');
  return { read: [...read], write: [...write] };
}

const leadingKeys = (patterns: readonly string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
});

function statements(
  { read, write }: { read: string[]; write: string[] },
  resource: (actions: 'read' | 'write') => string[],
  sid: string,
): PolicyStatementJson[] {
  const found: PolicyStatementJson[] = [
    {
      Sid: `${sid}Read`,
      Effect: 'Allow',
      Action: READ_ACTIONS,
      Resource: resource('read'),
      Condition: leadingKeys(read),
    },
  ];
  if (write.length) {
    found.push({
      Sid: `${sid}Write`,
      Effect: 'Allow',
      Action: WRITE_ACTIONS,
      Resource: resource('write'),
      Condition: leadingKeys(write),
    });
  }
  return found;
}

/**
 * One crossing's session policy: what `path` declares of `caller`'s and `target`'s partitions. The
 * resource is `*` because the role's statements already name the table and its indexes (the
 * intersection keeps both), and the policy must stay under STS's 2 048 characters.
 */
export function crossingStatements(path: CrossTenantPath, caller: string, target: string): PolicyStatementJson[] {
  return statements(opened(path, { caller, target }), () => ['*'], 'Crossing');
}

/** The session policy document STS takes (`Policy`), compact. */
export function crossingSessionPolicy(path: CrossTenantPath, caller: string, target: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: crossingStatements(path, caller, target) });
}

/**
 * The crossing role's statements: every path's declaration at once, the caller's side under the
 * `tenant` tag and the target's under `target`. Reads reach the indexes (a declared collection may
 * be an index's partition); writes the table only.
 */
export function crossingRoleStatements(resources: DataResources): PolicyStatementJson[] {
  const read = new Set<string>();
  const write = new Set<string>();
  for (const path of Object.keys(CROSS_TENANT_PATHS) as CrossTenantPath[]) {
    const one = opened(path, { caller: TENANT, target: TARGET });
    for (const p of one.read) read.add(p);
    for (const p of one.write) write.add(p);
  }
  const everywhere = [resources.table, ...resources.indexes];
  return statements(
    { read: [...read].sort(), write: [...write].sort() },
    (actions) => (actions === 'read' ? everywhere : [resources.table]),
    'Crossings',
  );
}
