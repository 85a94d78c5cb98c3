import { adminRoleOf, isRoleOfKind, type Principal } from '@shegong/domain';
import { Conflict, Invalid } from '../refusals.ts';

/** Refuses roles that do not belong to the tenant's kind, naming the field of each (code `roleOfOtherKind`). */
export function checkRoles(principal: Pick<Principal, 'kind'>, roles: readonly string[], path = '/roles'): void {
  const article = /^[aeiou]/.test(principal.kind) ? 'an' : 'a';
  const wrong = roles.flatMap((role, i) =>
    isRoleOfKind(principal.kind, role)
      ? []
      : [
          {
            path: `${path}/${i}`,
            message: `is not a role of ${article} ${principal.kind} tenant`,
            code: 'roleOfOtherKind',
          },
        ],
  );
  if (wrong.length) throw new Invalid('Some roles do not exist for this kind of tenant', { fields: wrong });
}

/** An admin may not lock themselves out: no disabling oneself, no dropping one's own admin role. */
export function guardSelf(
  principal: Principal,
  userId: string,
  change: { roles?: readonly string[]; status?: string },
) {
  if (userId !== principal.userId) return;
  if (change.status === 'disabled')
    throw new Conflict('You cannot disable your own account', {
      reason: 'selfDisable',
      fields: [{ path: '/status', message: 'cannot disable your own account', code: 'selfDisable' }],
    });
  if (change.roles && !change.roles.includes(adminRoleOf(principal.kind))) {
    throw new Conflict('You cannot remove your own administrator role', {
      reason: 'selfAdmin',
      fields: [{ path: '/roles', message: 'must keep your administrator role', code: 'selfAdmin' }],
    });
  }
}
