import type { Principal, Role, TenantKind } from '@shegong/domain';
import { Forbidden } from './refusals.ts';

/**
 * Who may use a capability: kinds of tenant and roles within them. Each capability declares its
 * policies beside its use cases; both adapters put them on their routes, which also marks the
 * route so the isolation matrix can list every route and fail one without a declared policy.
 */
export type AccessPolicy =
  | { public: true; reason: string }
  | {
      kinds: readonly TenantKind[];
      roles: readonly Role[] | 'any';
      /**
       * Set only where every admitted tenant may read the same object by design (a bureau's published
       * rule set): says why. The isolation matrix then checks that tenants A and B get the same answer,
       * instead of a 404 for B.
       */
      sharedReason?: string;
    };

export type MemberPolicy = Exclude<AccessPolicy, { public: true }>;

export const ACCESS_POLICY = Symbol.for('shegong.access');

type Marked = { [ACCESS_POLICY]?: AccessPolicy };

/** Marks a route's handler with its policy (for the isolation matrix). */
export function markAccess<T extends object>(handler: T, policy: AccessPolicy): T {
  (handler as Marked)[ACCESS_POLICY] = policy;
  return handler;
}

export function accessPolicyOf(handler: unknown): AccessPolicy | undefined {
  return (handler as Marked | undefined)?.[ACCESS_POLICY];
}

/** Whether a member with these roles in this kind of tenant may use what the policy guards. */
export function permits(policy: AccessPolicy, principal: Pick<Principal, 'kind' | 'roles'>): boolean {
  if ('public' in policy) return true;
  if (!policy.kinds.includes(principal.kind)) return false;
  return policy.roles === 'any' || principal.roles.some((r) => (policy.roles as readonly string[]).includes(r));
}

/** Refuses (Forbidden) a member the policy does not admit, saying what is missing. */
export function checkAccess(policy: AccessPolicy, principal: Pick<Principal, 'kind' | 'roles'>): void {
  if ('public' in policy) return;
  if (!policy.kinds.includes(principal.kind)) throw new Forbidden('This is not available to your kind of organisation');
  if (!permits(policy, principal))
    throw new Forbidden(`This needs one of the roles: ${(policy.roles as readonly string[]).join(', ')}`);
}
